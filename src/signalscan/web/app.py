"""The web app factory: REST API under /api, the HTML UI at /, OpenAPI at /docs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from signalscan import __version__
from signalscan.config import Settings, get_settings
from signalscan.errors import (
    AuthError,
    ConfigurationError,
    LLMError,
    NotFoundError,
    ParseError,
    SignalscanError,
    UnsupportedFormatError,
)
from signalscan.jobs import build_queue
from signalscan.web import api, ui
from signalscan.web.auth import ForbiddenError
from signalscan.web.deps import ledger_engine
from signalscan.web.uploads import UploadTooLargeError

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).parent / "static"
MULTIPART_SLACK = 1_048_576  # multipart boundaries and headers count toward the body size

# Most specific first: the first class an error is an instance of decides its HTTP status.
ERROR_STATUS: tuple[tuple[type[SignalscanError], int], ...] = (
    (ForbiddenError, 403),
    (AuthError, 401),
    (NotFoundError, 404),
    (UploadTooLargeError, 413),
    (UnsupportedFormatError, 415),
    (ParseError, 422),
    (LLMError, 502),
    (ConfigurationError, 503),
)


def status_for(exc: SignalscanError) -> int:
    """The HTTP status of a domain error (400 for the ones without a closer match)."""
    return next((status for cls, status in ERROR_STATUS if isinstance(exc, cls)), 400)


async def handle_signalscan_error(request: Request, exc: Exception) -> JSONResponse:
    """Every domain error becomes {"detail": message, "error": class name} with its status."""
    assert isinstance(exc, SignalscanError)
    status = status_for(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    body = {"detail": str(exc), "error": type(exc).__name__}
    return JSONResponse(body, status_code=status, headers=headers)


async def handle_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    """Anything else is a bug: a JSON 500 the UI can show; the traceback goes to the server log."""
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    body = {"detail": f"internal error ({type(exc).__name__}); see the server log", "error": "InternalError"}
    return JSONResponse(body, status_code=500)


def _start_scheduler(settings: Settings) -> Any | None:
    """Start the briefing scheduler when SIGNALSCAN_SERVE_SCHEDULE is on and the scheduler exists."""
    if not settings.serve_schedule:
        return None
    try:
        from signalscan.scheduler import build_scheduler
    except ImportError:
        log.warning("SIGNALSCAN_SERVE_SCHEDULE is on but there is no scheduler module; nothing scheduled")
        return None
    scheduler = build_scheduler(settings)
    scheduler.start()
    return scheduler


def _lifespan(settings: Settings):
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        jobs = build_queue(settings, ledger_engine(settings))
        jobs.start()
        app.state.jobs = jobs
        scheduler = app.state.scheduler = _start_scheduler(settings)
        try:
            yield
        finally:
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            jobs.stop()

    return lifespan


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for `settings` (default: get_settings()); start it with uvicorn or TestClient."""
    settings = settings or get_settings()
    app = FastAPI(
        title="signalscan",
        version=__version__,
        description="Execution-gap signals from steering minutes, decks, reports and e-mails.",
        lifespan=_lifespan(settings),
        # Bodies far over the limit get 413 before they are read; save_uploads checks the exact file bytes.
        max_body_size=int(settings.max_upload_mb * 1_048_576) + MULTIPART_SLACK,
        docs_url=None,  # served below from the installed swagger-ui-bundle: no CDN, works air-gapped
    )
    # Routes read settings through get_settings; an app built for explicit settings serves those.
    app.dependency_overrides[get_settings] = lambda: settings
    app.add_exception_handler(SignalscanError, handle_signalscan_error)
    app.add_exception_handler(Exception, handle_unexpected_error)
    app.include_router(api.router)
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _mount_offline_docs(app)
    return app


def _mount_offline_docs(app: FastAPI) -> None:
    """OpenAPI docs at /docs with Swagger UI's files from the swagger-ui-bundle package."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="signalscan API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )
