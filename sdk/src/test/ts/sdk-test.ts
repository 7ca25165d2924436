// Drives the generated TypeScript SDK (typescript-fetch, Node's own fetch) against a
// running Ferry: sign in, upload a file, make a transfer of it, list the folder, download
// the file whole and one range of it, and upload another over tus.
// SdkIntegrationTests compiles this with the generated sources and runs it with node.
import { AuthApi, Configuration, FilesApi, ShareApi, UploadApi } from '../../../target/generated-sdk/typescript/src/index';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

async function main(): Promise<void> {
  const basePath = process.env.FERRY_URL!;
  const signedIn = await new AuthApi(new Configuration({ basePath })).signIn({
    authLoginRequest: { email: process.env.FERRY_EMAIL!, password: process.env.FERRY_PASSWORD! },
  });
  // Tokens, or a challenge for the second factor (mfaToken) on accounts that have one.
  if (!('accessToken' in signedIn)) {
    throw new Error('The account asks for a second factor');
  }
  const config = new Configuration({ basePath, accessToken: async () => signedIn.accessToken });
  const files = new FilesApi(config);

  const uploaded = await files.uploadFileContent({
    path: '/sdk-ts/hello.txt',
    body: new Blob(['hello from the TypeScript SDK\n']),
  });
  const transfer = await new ShareApi(config).createTransfer({
    newTransfer: { title: 'From the TypeScript SDK', fileIds: [uploaded.id!] },
  });
  const resumable = await tusUpload(new UploadApi(config), 'resumable from the TypeScript SDK\n');
  const listed = await files.listFiles({ path: '/sdk-ts' });
  const downloaded = await (await files.downloadFile({ id: uploaded.id! })).text();
  const range = await (await files.downloadFile({ id: uploaded.id!, range: 'bytes=6-9' })).text();

  console.log(
    JSON.stringify({
      file_id: uploaded.id,
      size: uploaded.size,
      transfer_id: transfer.id,
      transfer_files: transfer.files?.length,
      listed: listed.items?.map((item) => item.name),
      downloaded,
      range,
      resumable,
    }),
  );
}

/**
 * Creates a tus upload, asks where to resume (as a client does after an interruption)
 * and PATCHes the bytes from there; answers "<offset asked>/<offset after>".
 */
async function tusUpload(uploads: UploadApi, text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const created = await uploads.createUploadRaw({
    tusResumable: '1.0.0',
    uploadLength: bytes.length,
    uploadMetadata: `filename ${btoa('resumable.txt')},path ${btoa('/sdk-ts')}`,
  });
  const id = created.raw.headers.get('Location')!.split('/').pop()!;
  const status = await uploads.getUploadOffsetRaw({ id, tusResumable: '1.0.0' });
  const offset = Number(status.raw.headers.get('Upload-Offset'));
  const appended = await uploads.appendToUploadRaw({
    id,
    tusResumable: '1.0.0',
    uploadOffset: offset,
    body: new Blob([bytes.slice(offset)]),
  });
  return `${offset}/${appended.raw.headers.get('Upload-Offset')}`;
}

main().catch(async (error: unknown) => {
  // A ResponseError carries the problem document; print it, not only the status.
  const response = (error as { response?: Response }).response;
  console.error(response ? `${response.status} ${await response.text()}` : error);
  process.exitCode = 1;
});
