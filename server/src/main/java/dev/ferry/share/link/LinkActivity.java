package dev.ferry.share.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.share.Cursor;
import dev.ferry.share.transfer.Owners;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferActivity;
import dev.ferry.share.transfer.TransferApi;
import dev.ferry.share.transfer.TransferApi.ActivityView;
import dev.ferry.share.transfer.TransferService;

import org.springframework.stereotype.Service;

import static dev.ferry.share.transfer.TransferApi.iso;

/** A transfer's download log as its owner pages through it. */
@Service
class LinkActivity implements TransferActivity {

	private final DownloadLog log;

	private final TransferService transferService;

	private final Owners owners;

	private final AuditLog audit;

	LinkActivity(DownloadLog log, TransferService transferService, Owners owners, AuditLog audit) {
		this.log = log;
		this.transferService = transferService;
		this.owners = owners;
		this.audit = audit;
	}

	@Override
	public TransferApi.Page<ActivityView> activity(CurrentUser user, String transferId, String cursor, Integer limit) {
		Transfer transfer = owners.transfer(user, transferId, Scope.READ, "transfer.activity");
		int size = Cursor.limit(limit);
		List<DownloadLog.Activity> rows = log.page(transfer.id(), Cursor.decode(cursor), size);
		boolean more = rows.size() > size;
		List<DownloadLog.Activity> page = more ? rows.subList(0, size) : rows;
		Map<String, String> names = new HashMap<>();
		transferService.files(transfer).forEach((f) -> names.put(f.id(), f.name()));
		List<ActivityView> items = page.stream()
			.map((a) -> new ActivityView(a.id().toString(), a.linkId().toString(),
					(a.fileId() != null) ? a.fileId().toString() : null,
					(a.fileId() != null) ? names.get(a.fileId().toString()) : null, a.kind(), a.email(), a.ip(),
					a.userAgent(), a.bytes(), a.completed(), iso(a.startedAt()), iso(a.finishedAt())))
			.toList();
		audit.record(AuditEvent.success("transfer.activity").object("transfer", transfer.id()));
		String next = more ? Cursor.after(page.get(size - 1).startedAt(), page.get(size - 1).id()).encode() : null;
		return new TransferApi.Page<>(items, next);
	}

}
