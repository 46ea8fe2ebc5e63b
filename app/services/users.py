"""User accounts, need-to-know groups and nation groups: administrators only, all audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.database.server_logins import RoleNameTaken
from app.domain.labels import Label, Release
from app.domain.models import (
    LabelRelease,
    LabelRow,
    NationGroup,
    NationGroupMember,
    NeedToKnowGroup,
    User,
    UserGroup,
    utcnow,
)
from app.domain.nations import is_nation
from app.domain.texts import said
from app.domain.vocab import Role
from app.security import audit
from app.security.auth import USERNAME, USERNAME_RULE, actor_of
from app.security.passwords import hash_password, password_problem
from app.security.policy import can_read
from app.security.principal import Actor
from app.services.errors import NotFound, PermissionDenied, ValidationFailed
from app.services.fields import parse_nations
from app.services.kinds import KINDS

if TYPE_CHECKING:
    from app.services.desk import Desk


@dataclass(frozen=True)
class GroupImpact:
    """What a change of a nation group's members would release (`nation_group_impact`)."""

    code: str
    gained: tuple[str, ...]  # nations added to an existing group
    lost: tuple[str, ...]  # nations removed (narrowing: no reason needed)
    levels: tuple[tuple[str, int], ...]  # (level name, records) released to the group

    @property
    def widens(self) -> bool:
        """True when some nation gains access: a downgrade needing a reason."""
        return bool(self.gained)

    @property
    def records(self) -> int:
        """Records released to the group (that the gained nations would read)."""
        return sum(count for _level, count in self.levels)

    def text(self) -> str:
        """The preview an administrator reads before giving a reason."""
        if not self.widens:
            return f"No nation gains access to records released to {self.code}."
        levels = ", ".join(f"{count} {name}" for name, count in self.levels) or "none"
        return (
            f"Adding {', '.join(self.gained)} to {self.code} releases {self.records} "
            f"record(s) released to {self.code} to them ({levels}). This is a downgrade: "
            "give a reason; it is kept in the audit trail."
        )


@dataclass(frozen=True)
class UserView:
    """A user account as lists and forms show it (never the password hash)."""

    id: int
    username: str
    display_name: str
    role: str
    clearance: int
    nation: str
    groups: tuple[str, ...]
    active: bool
    locked: bool
    last_login: str
    must_change_password: bool


def _view(user: User) -> UserView:
    return UserView(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        clearance=user.clearance,
        nation=user.nation_code,
        groups=tuple(sorted(g.group_name for g in user.groups)),
        active=user.active,
        locked=bool(user.locked_until and user.locked_until > utcnow()),
        last_login=user.last_login.isoformat(timespec="minutes") if user.last_login else "",
        must_change_password=user.must_change_password,
    )


class UserService:
    """Administration of accounts and groups."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def _admin(self, actor: Actor) -> None:
        if not actor.is_admin:
            raise PermissionDenied(said("only an administrator manages users and groups"))

    def _validate(self, session: Session, values: dict[str, Any], creating: bool) -> dict[str, Any]:
        errors: dict[str, str] = {}
        parsed: dict[str, Any] = {}
        if "username" in values or creating:
            name = str(values.get("username") or "").strip().lower()
            if not USERNAME.fullmatch(name):
                errors["username"] = USERNAME_RULE
            elif (
                session.scalar(select(User.id).where(func.lower(User.username) == name)) is not None
            ):  # Coord_US and coord_us are one user
                errors["username"] = said("the username {name} is taken", name=name)
            parsed["username"] = name
        if "role" in values or creating:
            try:
                parsed["role"] = Role.parse(values.get("role") or "").value
            except ValueError as error:
                errors["role"] = str(error)
        if "clearance" in values or creating:
            try:
                level = values.get("clearance")
                parsed["clearance"] = (
                    level if isinstance(level, int) else self.desk.db.scheme.parse(level or "")
                )
                if not 0 <= parsed["clearance"] <= self.desk.db.scheme.top:
                    raise ValueError("not a level of this database's scheme")
            except ValueError as error:
                errors["clearance"] = str(error)
        if "nation" in values or creating:
            code = str(values.get("nation") or "").strip().upper()
            if not is_nation(code):
                errors["nation"] = said(
                    "{value!r} is not an ISO 3166-1 alpha-3 nation code", value=code
                )
            parsed["nation_code"] = code
        if "groups" in values:
            names = values["groups"]
            names = sorted(
                {
                    g.strip()
                    for g in (names.replace(",", " ").split() if isinstance(names, str) else names)
                    if g.strip()
                }
            )
            known = set(session.scalars(select(NeedToKnowGroup.name)))
            if set(names) - known:
                errors["groups"] = (
                    f"unknown need-to-know group {', '.join(sorted(set(names) - known))}"
                )
            parsed["groups"] = names
        if "display_name" in values:
            parsed["display_name"] = str(values["display_name"] or "").strip()[:120]
        if "password" in values or creating:
            problem = password_problem(
                str(values.get("password") or ""),
                (parsed.get("username", ""), parsed.get("display_name", "")),
            )
            if problem:
                errors["password"] = problem
            parsed["password"] = values.get("password")
        if errors:
            raise ValidationFailed(errors)
        return parsed

    def create(self, values: dict[str, Any]) -> UserView:
        """Create an account: username, display_name, role, clearance, nation, groups, password."""
        with self.desk.writing() as (session, actor):
            self._admin(actor)
            parsed = self._validate(session, values, creating=True)
            user = User(
                username=parsed["username"],
                display_name=parsed.get("display_name") or parsed["username"],
                role=parsed["role"],
                clearance=parsed["clearance"],
                nation_code=parsed["nation_code"],
                password_hash=self.desk.db.logins.stored_hash(parsed["password"], hash_password),
                must_change_password=bool(values.get("must_change_password", False)),
                groups=[UserGroup(group_name=g) for g in parsed.get("groups", [])],
            )
            session.add(user)
            session.flush()
            try:
                self.desk.db.logins.password_set(session, user.username, parsed["password"], True)
            except RoleNameTaken as error:
                raise ValidationFailed({"username": str(error)}) from None
            audit.record(
                session,
                actor.username,
                "user_create",
                kind="user",
                record_id=user.id,
                ref=user.username,
                details={
                    "role": user.role,
                    "clearance": user.clearance,
                    "nation": user.nation_code,
                    "groups": parsed.get("groups", []),
                },
            )
            return _view(user)

    def list(self) -> list[UserView]:
        """Every account, by username."""
        with self.desk.reading() as (session, actor):
            self._admin(actor)
            return [_view(u) for u in session.scalars(select(User).order_by(User.username))]

    def _user(self, session: Session, username: str) -> User:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(said("no user {username}", username=username))
        return user

    def get(self, username: str) -> UserView:
        """One account."""
        with self.desk.reading() as (session, actor):
            self._admin(actor)
            return _view(self._user(session, username))

    def update(self, username: str, values: dict[str, Any]) -> UserView:
        """Change role, clearance, nation, groups, display name or active flag; audited."""
        with self.desk.writing() as (session, actor):
            self._admin(actor)
            user = self._user(session, username)
            values = {k: v for k, v in values.items() if k != "username"}
            active = values.pop("active", None)
            parsed = self._validate(session, values, creating=False)
            parsed.pop("password", None)
            before = _view(user)
            if user.id == actor.id and (
                parsed.get("role", user.role) != Role.ADMINISTRATOR.value or active is False
            ):
                raise PermissionDenied(
                    said("you cannot remove your own administrator role or deactivate yourself")
                )
            for key in ("role", "clearance", "nation_code", "display_name"):
                if key in parsed:
                    setattr(user, key, parsed[key])
            if "groups" in parsed:
                user.groups = [UserGroup(group_name=g) for g in parsed["groups"]]
            if active is not None:
                user.active = bool(active)
            session.flush()
            if active is not None:
                self.desk.db.logins.access_changed(session, user.username)
            after = _view(user)
            changed = {
                k: (getattr(before, k), getattr(after, k))
                for k in before.__dataclass_fields__
                if getattr(before, k) != getattr(after, k)
            }
            audit.record(
                session,
                actor.username,
                "user_update",
                kind="user",
                record_id=user.id,
                ref=user.username,
                details={
                    "before": {k: v[0] for k, v in changed.items()},
                    "after": {k: v[1] for k, v in changed.items()},
                },
            )
            return after

    def reset_password(self, username: str, password: str, must_change: bool = True) -> None:
        """Set a new password (the user must change it at next login by default); audited."""
        with self.desk.writing() as (session, actor):
            if actor.username != username:
                self._admin(actor)
            user = self._user(session, username)
            problem = password_problem(password, (user.username, user.display_name or ""))
            if problem:
                raise ValidationFailed({"password": problem})
            user.password_hash = self.desk.db.logins.stored_hash(password, hash_password)
            self.desk.db.logins.password_set(session, user.username, password, False)
            user.must_change_password = must_change and actor.username != username
            audit.record(
                session,
                actor.username,
                "password_reset" if actor.username != username else "password_change",
                kind="user",
                record_id=user.id,
                ref=user.username,
            )

    def unlock(self, username: str) -> None:
        """Lift a lockout; audited."""
        with self.desk.writing() as (session, actor):
            self._admin(actor)
            user = self._user(session, username)
            user.locked_until = None
            user.failed_logins = 0
            self.desk.db.logins.access_changed(session, user.username)
            audit.record(
                session,
                actor.username,
                "user_unlock",
                kind="user",
                record_id=user.id,
                ref=user.username,
            )

    def who_can_read(self, label: Label) -> list[UserView]:
        """Active users whose clearance, nationality and groups admit a record with this label.

        Administrators and coordinators may ask (they decide labels); the answer lists accounts,
        so viewers and auditors may not.
        """
        with self.desk.reading() as (session, actor):
            if not actor.may_write_records:
                raise PermissionDenied(
                    said("only coordinators and administrators see who can read a record")
                )
            users = session.scalars(
                select(User).where(User.active.is_(True)).order_by(User.username)
            ).all()
            groups = self.desk.db.nation_groups()
            return [
                _view(u) for u in users if can_read(actor_of(u), label, self.desk.owner, groups)
            ]

    # --- groups ------------------------------------------------------------------------------

    def create_ntk_group(self, name: str, description: str = "") -> None:
        """A new need-to-know group (compartment)."""
        name = name.strip()
        with self.desk.writing() as (session, actor):
            self._admin(actor)
            if not name or len(name) > 64 or any(c.isspace() or c == "," for c in name):
                raise ValidationFailed(
                    {"name": "a group name is 1 to 64 characters without spaces or commas"}
                )
            if session.get(NeedToKnowGroup, name) is not None:
                raise ValidationFailed({"name": said("the group {name} exists already", name=name)})
            session.add(NeedToKnowGroup(name=name, description=description))
            audit.record(session, actor.username, "group_create", kind="ntk_group", ref=name)

    def ntk_groups(self) -> list[str]:
        """Names of every need-to-know group."""
        with self.desk.reading() as (session, _actor):
            return list(
                session.scalars(select(NeedToKnowGroup.name).order_by(NeedToKnowGroup.name))
            )

    def nation_groups(self) -> dict[str, tuple[str, list[str]]]:
        """Nation groups: code -> (name, member codes)."""
        with self.desk.reading() as (session, _actor):
            return {
                g.code: (g.name, sorted(m.nation_code for m in g.members))
                for g in session.scalars(select(NationGroup).order_by(NationGroup.code))
            }

    def nation_group_impact(self, code: str, members: Any) -> GroupImpact:
        """What saving ``members`` as group ``code`` would change (issue 14, item 10): the
        nations it adds and removes, and the records released to the group that those nations
        would newly read, by level. Counted among the records the administrator may read: a
        record hidden from them does not exist for them, here too (docs/MARKINGS.md)."""
        code = code.strip().upper()
        with self.desk.reading() as (session, actor):
            self._admin(actor)
            try:
                nations = parse_nations(members)
            except ValueError as error:
                raise ValidationFailed({"members": str(error)}) from error
            return self._impact(session, actor, code, nations)

    def _impact(self, session: Session, actor: Actor, code: str, nations: list[str]) -> GroupImpact:
        group = session.get(NationGroup, code)
        after = set(nations)
        before = {m.nation_code for m in group.members} if group is not None else set()
        gained = sorted(after - before) if group is not None else []
        levels: dict[int, int] = {}
        if gained:
            released = select(LabelRelease.label_id).where(LabelRelease.code == code)
            for entry in KINDS:
                model = entry.model
                rows = session.execute(
                    select(LabelRow.level, func.count())
                    .select_from(model)
                    .join(LabelRow, LabelRow.id == model.label_id)
                    .where(
                        model.label_id.in_(released),
                        LabelRow.release == Release.REL.value,
                        *entry.service(self.desk).visible(actor),
                    )
                    .group_by(LabelRow.level)
                ).all()
                for level, count in rows:
                    levels[level] = levels.get(level, 0) + count
        return GroupImpact(
            code,
            tuple(gained),
            tuple(sorted(before - after)) if group is not None else (),
            tuple(
                (self.desk.db.scheme.name(level), count) for level, count in sorted(levels.items())
            ),
        )

    def save_nation_group(
        self, code: str, name: str, members: Any, reason: str | None = None
    ) -> None:
        """Create or change an administrator-defined nation group (FVEY and NATO are fixed).

        Adding a nation to an existing group releases every record released to the group to
        that nation: a downgrade, so it needs a reason, and the audit event records it with
        the nations gained and the records and levels affected (`nation_group_impact`)."""
        code = code.strip().upper()
        reason = (reason or "").strip()
        with self.desk.writing() as (session, actor):
            self._admin(actor)
            errors = {}
            if not code.isalnum() or not 2 <= len(code) <= 16 or is_nation(code):
                errors["code"] = said(
                    "a group code is 2 to 16 letters or digits and not a nation code"
                )
            try:
                nations = parse_nations(members)
                if not nations:
                    errors["members"] = said("a group needs at least one nation")
            except ValueError as error:
                errors["members"] = str(error)
            if errors:
                raise ValidationFailed(errors)
            group = session.get(NationGroup, code)
            if group is not None and group.builtin:
                raise PermissionDenied(
                    said("{code} is a built-in group and cannot be changed", code=code)
                )
            before = sorted(m.nation_code for m in group.members) if group else []
            impact = self._impact(session, actor, code, nations) if group is not None else None
            if impact is not None and impact.widens and not reason:
                raise ValidationFailed(
                    {
                        "reason": said(
                            "adding {nations} to {code} releases the records released to it "
                            "to them: give a reason",
                            nations=", ".join(impact.gained),
                            code=code,
                        )
                    }
                )
            if group is None:
                group = NationGroup(code=code, name=name or code)
                session.add(group)
            group.name = name or code
            group.members = [NationGroupMember(nation_code=n) for n in nations]
            details: dict[str, Any] = {"before": before, "after": nations}
            if impact is not None and impact.widens:
                details |= {
                    "downgrade": True,
                    "reason": reason,
                    "gained": list(impact.gained),
                    "records": impact.records,
                    "levels": dict(impact.levels),
                }
            audit.record(
                session,
                actor.username,
                "nation_group_save",
                kind="nation_group",
                ref=code,
                details=details,
            )
        self.desk.db.forget_groups()
