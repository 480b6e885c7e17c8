"""FastAPI dependencies: settings, the ledger engine, the caller's token scope, the job queue.

Routes declare what they need with the `Annotated` aliases at the bottom, so each route body
is only the call into the library.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from signalscan.config import Settings, get_settings
from signalscan.errors import AuthError, NotFoundError
from signalscan.jobs import JobQueue
from signalscan.web.auth import ForbiddenError, Role, TokenScope, lookup_token


def ledger_engine(settings: Settings) -> sa.Engine:
    """The ledger's engine for these settings, migrated (tokens and jobs tables included)."""
    return _engine_for(settings.resolved_database_url)


@lru_cache(maxsize=16)
def _engine_for(url: str) -> sa.Engine:
    # One pooled engine per ledger URL for token lookups and job records, not one per request.
    from signalscan.ledger import Ledger

    return Ledger(url).engine


SettingsDep = Annotated[Settings, Depends(get_settings)]

# auto_error=False: a missing header becomes our AuthError (401 with a message saying what to do).
bearer = HTTPBearer(auto_error=False, description="A token from `signalscan token create --program NAME`.")


def token_scope(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> TokenScope:
    """The program and role of the caller's bearer token."""
    if credentials is None or not credentials.credentials:
        raise AuthError(
            "missing API token; send 'Authorization: Bearer <token>' "
            "(create one with `signalscan token create --program NAME`)"
        )
    return lookup_token(ledger_engine(settings), credentials.credentials)


ScopeDep = Annotated[TokenScope, Depends(token_scope)]


def _program_access(role: Role):
    def program_access(program: str, scope: ScopeDep) -> str:
        # Another program's data is reported missing, not forbidden, so tokens cannot probe names.
        if scope.program != program:
            raise NotFoundError(f"no program {program!r} for this token; use a token created for it")
        if not scope.allows(role):
            raise ForbiddenError(
                f"this token is {scope.role!r}; this request needs {role!r} "
                f"(create one with `signalscan token create --program {program} --role {role}`)"
            )
        return program

    return program_access


def job_queue(request: Request) -> JobQueue:
    """The app's job queue, started by its lifespan."""
    return request.app.state.jobs


ReadProgram = Annotated[str, Depends(_program_access("read"))]
WriteProgram = Annotated[str, Depends(_program_access("write"))]
AdminProgram = Annotated[str, Depends(_program_access("admin"))]
JobsDep = Annotated[JobQueue, Depends(job_queue)]
