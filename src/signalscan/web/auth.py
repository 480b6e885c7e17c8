"""API tokens: one program and one role each, stored only as a SHA-256 hash in the ledger.

A token for program A sees nothing of program B: out-of-scope requests get 404, as if the
program did not exist, so a token cannot be used to discover other programs.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

import sqlalchemy as sa
from pydantic import BaseModel

from signalscan.errors import AuthError, ConfigurationError

if TYPE_CHECKING:
    from signalscan.config import Settings

Role = Literal["read", "write", "admin"]
ROLES: tuple[Role, ...] = ("read", "write", "admin")  # each role can do everything the previous can
TOKEN_PREFIX = "sst_"

# Created by the ledger migration "api_tokens_and_jobs"; declared here so this module owns its queries.
_metadata = sa.MetaData()
tokens_table = sa.Table(
    "api_tokens", _metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("program", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)


class ForbiddenError(AuthError):
    """A known token whose role is too low for the request."""


class TokenScope(BaseModel):
    """What a token may do: one program, one role."""

    program: str
    role: Role

    def allows(self, role: Role) -> bool:
        """Whether this token's role includes `role`."""
        return ROLES.index(self.role) >= ROLES.index(role)


def hash_token(token: str) -> str:
    """The stored form of a token (tokens are random, so a plain SHA-256 is enough)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _check_role(role: str) -> Role:
    if role not in ROLES:
        raise ConfigurationError(f"unknown role {role!r}; use one of: {', '.join(ROLES)}")
    return role  # type: ignore[return-value]


def insert_token(engine: sa.Engine, program: str, role: str) -> str:
    """Store a new token for `program` with `role` in the ledger and return it (shown once)."""
    checked = _check_role(role)
    if not program.strip():
        raise ConfigurationError("a token needs a program name; pass --program NAME")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(tokens_table.insert().values(
            token_hash=hash_token(token), program=program, role=checked, created_at=datetime.now(UTC),
        ))
    return token


def create_token(settings: Settings, program: str, role: str) -> str:
    """Create an API token for one program and role; the ledger keeps only its hash."""
    from signalscan.web.deps import ledger_engine

    return insert_token(ledger_engine(settings), program, role)


def lookup_token(engine: sa.Engine, token: str) -> TokenScope:
    """The scope of a presented token; AuthError when it is unknown."""
    query = sa.select(tokens_table.c.program, tokens_table.c.role).where(
        tokens_table.c.token_hash == hash_token(token))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        raise AuthError("unknown API token; create one with `signalscan token create --program NAME`")
    return TokenScope(program=row.program, role=row.role)
