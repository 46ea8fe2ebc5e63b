"""Who is acting: the facts about a user that access decisions need."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.vocab import Role


@dataclass(frozen=True)
class Actor:
    """A logged-in user as the policy sees them (read fresh from the users table per call)."""

    id: int
    username: str
    role: Role
    clearance: int
    nation: str
    groups: frozenset[str]

    @property
    def may_write_records(self) -> bool:
        """Coordinators and administrators write records; viewers and auditors never do."""
        return self.role in (Role.ADMINISTRATOR, Role.COORDINATOR)

    @property
    def is_admin(self) -> bool:
        """True for administrators (security officers)."""
        return self.role is Role.ADMINISTRATOR

    @property
    def reads_audit(self) -> bool:
        """Auditors and administrators read the audit trail."""
        return self.role in (Role.ADMINISTRATOR, Role.AUDITOR)


SYSTEM = Actor(0, "system", Role.ADMINISTRATOR, 99, "", frozenset())
