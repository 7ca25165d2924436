package dev.ferry.share.grant;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileContent;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferRepository;

import org.springframework.stereotype.Service;

/**
 * {@link Audiences} over the grants: the owner is found through the object itself when
 * the caller owns it, else through a grant the caller holds.
 */
@Service
class GrantAudiences implements Audiences {

	private final GrantRepository grants;

	private final TransferRepository transfers;

	private final FileContent files;

	private final Clock clock;

	GrantAudiences(GrantRepository grants, TransferRepository transfers, FileContent files, Clock clock) {
		this.grants = grants;
		this.transfers = transfers;
		this.files = files;
		this.clock = clock;
	}

	@Override
	public Optional<Audience> of(CurrentUser user, String type, UUID objectId) {
		Optional<UUID> owner = ownedBy(user.userId(), type, objectId);
		if (owner.isEmpty()) {
			owner = grants.forGrantee(user.userId())
				.stream()
				.filter((g) -> g.objectType().equals(type) && g.objectId().equals(objectId))
				.map(Grant::ownerId)
				.findFirst();
		}
		return owner.flatMap((ownerId) -> name(ownerId, type, objectId))
			.map((name) -> new Audience(type, objectId, name.name(), name.ownerId(),
					members(name.ownerId(), type, objectId)));
	}

	private Optional<UUID> ownedBy(UUID userId, String type, UUID objectId) {
		return name(userId, type, objectId).map(Named::ownerId);
	}

	/** The live object of {@code ownerId}: a file, or a transfer that has not ended. */
	private Optional<Named> name(UUID ownerId, String type, UUID objectId) {
		if (Grant.FILE.equals(type)) {
			return files.find(ownerId, objectId).map((f) -> new Named(ownerId, f.name()));
		}
		return transfers.find(objectId)
			.filter((t) -> t.ownerId().equals(ownerId) && t.isLive(clock.instant()))
			.map((Transfer t) -> new Named(ownerId, t.title()));
	}

	private Set<UUID> members(UUID ownerId, String type, UUID objectId) {
		Set<UUID> members = new LinkedHashSet<>();
		members.add(ownerId);
		for (Grant grant : grants.forObject(type, objectId)) {
			if (Grant.GROUP.equals(grant.granteeType())) {
				members.addAll(grants.members(grant.granteeId()));
			}
			else {
				members.add(grant.granteeId());
			}
		}
		return members;
	}

	private record Named(UUID ownerId, String name) {
	}

}
