package dev.ferry.preview;

import java.util.List;

import dev.ferry.files.FileSources;
import dev.ferry.preview.PreviewRepository.Preview;

import org.springframework.stereotype.Component;

/**
 * Shreds the previews of files that are gone (not those in the trash: a restored file
 * shows its preview again). Deleting a file is the files module's business and it does
 * not know previews, so this walks the previews (hourly, in pages, on every node; each
 * step is idempotent) and asks for each file.
 */
@Component
class PreviewSweeper {

	private static final int PAGE = 200;

	private final PreviewRepository previews;

	private final FileSources files;

	private final PreviewStore store;

	PreviewSweeper(PreviewRepository previews, FileSources files, PreviewStore store) {
		this.previews = previews;
		this.files = files;
		this.store = store;
	}

	public int sweep() {
		int removed = 0;
		String after = null;
		for (List<Preview> page = previews.page(null, PAGE); !page.isEmpty(); page = previews.page(after, PAGE)) {
			for (Preview preview : page) {
				if (!files.kept(preview.ownerId(), preview.fileId())) {
					store.discard(preview);
					removed++;
				}
			}
			after = page.get(page.size() - 1).fileId().toString();
		}
		return removed;
	}

}
