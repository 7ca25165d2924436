"""Drives the generated Python SDK (python-pydantic-v1) against a running Ferry.

Signs in with a password, makes an API key and goes on with it: upload a file, make a
transfer of it, list the folder, download the file whole and one range of it. SdkIntegrationTests runs it with Debian's python3.
"""
import json
import os

import ferry_sdk

host = os.environ["FERRY_URL"]
with ferry_sdk.ApiClient(ferry_sdk.Configuration(host=host)) as anonymous:
    signed_in = ferry_sdk.AuthApi(anonymous).sign_in(
        ferry_sdk.AuthLoginRequest(email=os.environ["FERRY_EMAIL"], password=os.environ["FERRY_PASSWORD"]))
# Tokens, or a challenge for the second factor (mfa_token) on accounts that have one.
tokens = signed_in.actual_instance
assert isinstance(tokens, ferry_sdk.TokenResponse), "the account asks for a second factor"

with ferry_sdk.ApiClient(ferry_sdk.Configuration(host=host, access_token=tokens.access_token)) as session:
    key = ferry_sdk.AuthApi(session).create_api_key(
        ferry_sdk.ApiKeyCreateRequest(name="python sdk test", scopes=["read", "write", "share"]))

with ferry_sdk.ApiClient(ferry_sdk.Configuration(host=host, access_token=key.key)) as client:
    files = ferry_sdk.FilesApi(client)
    uploaded = files.upload_file_content(path="/sdk-py/hello.txt", body=b"hello from the Python SDK\n")
    transfer = ferry_sdk.ShareApi(client).create_transfer(
        ferry_sdk.NewTransfer(title="From the Python SDK", file_ids=[uploaded.id]))
    listed = files.list_files(path="/sdk-py")
    downloaded = bytes(files.download_file(id=uploaded.id)).decode()
    ranged = bytes(files.download_file(id=uploaded.id, range="bytes=6-9")).decode()

print(json.dumps({
    "file_id": uploaded.id,
    "size": uploaded.size,
    "transfer_id": transfer.id,
    "transfer_files": len(transfer.files or []),
    "listed": [item.name for item in listed.items],
    "downloaded": downloaded,
    "range": ranged,
}))
