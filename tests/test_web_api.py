"""The REST API as a client sees it: tokens and scopes, upload -> job -> documents, items, signals, ask."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import MINUTES_1, TWO_MEETINGS, bearer, upload

from signalscan.config import Settings, get_settings
from signalscan.web.app import create_app
from signalscan.web.auth import create_token


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home", embeddings="hash", max_upload_mb=0.05)


@pytest.fixture
def client(settings):
    app = create_app(settings)
    app.dependency_overrides[get_settings] = lambda: settings
    with TestClient(app) as test_client:
        yield test_client


def test_health_needs_no_token(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["queue"] == "in-process"


def test_openapi_describes_the_contract_paths(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/health", "/api/programs/{program}/documents", "/api/jobs/{job_id}",
                 "/api/programs/{program}/items", "/api/programs/{program}/signals",
                 "/api/programs/{program}/ask", "/api/programs/{program}/briefings/latest"):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_api_docs_load_nothing_from_a_cdn(client):
    page = client.get("/docs").text
    assert "cdn" not in page.lower()
    assert "/docs-assets/swagger-ui-bundle.js" in page
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_requests_without_a_known_token_are_refused(client, settings):
    missing = client.get("/api/programs/erp/signals")
    assert missing.status_code == 401
    assert "signalscan token create" in missing.json()["detail"]
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/api/programs/erp/signals", headers=bearer("sst_made_up")).status_code == 401


def test_a_token_for_one_program_sees_nothing_of_another(client, settings):
    token_a = create_token(settings, program="alpha", role="admin")
    token_b = create_token(settings, program="beta", role="admin")
    job = upload(client, "beta", token_b, {"minutes-2026-03-06.md": MINUTES_1})
    for path in ["/api/programs/beta/documents", "/api/programs/beta/items", "/api/programs/beta/signals",
                 "/api/programs/beta/briefings/latest", f"/api/jobs/{job['job_id']}"]:
        response = client.get(path, headers=bearer(token_a))
        assert response.status_code == 404, (path, response.text)
    ask = client.post("/api/programs/beta/ask", headers=bearer(token_a), json={"question": "vendor?"})
    assert ask.status_code == 404
    sneaky_upload = client.post("/api/programs/beta/documents", headers=bearer(token_a),
                                files=[("files", ("x.md", b"# hi", "text/markdown"))])
    assert sneaky_upload.status_code == 404
    assert not (settings.home / "uploads" / "beta" / "x.md").exists()


def test_roles_read_write_admin(client, settings):
    reader = create_token(settings, program="erp", role="read")
    writer = create_token(settings, program="erp", role="write")
    files = [("files", ("m.md", MINUTES_1.encode(), "text/markdown"))]
    refused = client.post("/api/programs/erp/documents", headers=bearer(reader), files=files)
    assert refused.status_code == 403
    assert "--role write" in refused.json()["detail"]
    assert client.get("/api/programs/erp/signals", headers=bearer(reader)).status_code == 200
    not_admin = client.post("/api/programs/erp/tokens", headers=bearer(writer), json={"role": "read"})
    assert not_admin.status_code == 403
    admin = create_token(settings, program="erp", role="admin")
    created = client.post("/api/programs/erp/tokens", headers=bearer(admin), json={"role": "read"})
    assert created.status_code == 201
    new_token = created.json()["token"]
    assert client.get("/api/programs/erp/items", headers=bearer(new_token)).status_code == 200


def test_tokens_are_stored_hashed(settings):
    from sqlalchemy import text

    from signalscan.web.deps import ledger_engine

    token = create_token(settings, program="erp", role="read")
    with ledger_engine(settings).connect() as conn:
        stored = [row[0] for row in conn.execute(text("SELECT token_hash FROM api_tokens"))]
    assert token not in stored and len(stored) == 1 and len(stored[0]) == 64


def test_uploads_over_the_limit_are_refused_with_413(client, settings):
    token = create_token(settings, program="erp", role="write")
    too_big = b"x" * int(settings.max_upload_mb * 1_048_576 + 10)
    response = client.post("/api/programs/erp/documents", headers=bearer(token),
                           files=[("files", ("big.md", too_big, "text/markdown"))])
    assert response.status_code == 413
    assert "SIGNALSCAN_MAX_UPLOAD_MB" in response.json()["detail"]
    assert not list((settings.home / "uploads").rglob("big.md"))


def test_unknown_job_is_404(client, settings):
    token = create_token(settings, program="erp", role="read")
    assert client.get("/api/jobs/does-not-exist", headers=bearer(token)).status_code == 404


def test_upload_then_documents_items_signals_and_ask(client, settings):
    from signalscan.service import list_signals, list_threads

    token = create_token(settings, program="erp", role="write")
    job = upload(client, "erp", token, TWO_MEETINGS)
    assert job["status"] == "done", job
    assert len(job["result"]["ingested"]) == 2
    uploaded = settings.home / "uploads" / "erp" / "SC minutes 2026-03-06.md"
    assert uploaded.read_text() == MINUTES_1

    documents = client.get("/api/programs/erp/documents", headers=bearer(token)).json()
    assert {d["path"] for d in documents} == {str(uploaded.with_name(name)) for name in TWO_MEETINGS}

    items = client.get("/api/programs/erp/items", headers=bearer(token)).json()
    assert items == [t.model_dump(mode="json") for t in list_threads(settings, program="erp")]
    assert items, "the minutes have actions and decisions"
    actions = client.get("/api/programs/erp/items?kind=action&open=true", headers=bearer(token)).json()
    assert actions and all(t["kind"] == "action" for t in actions)

    signals = client.get("/api/programs/erp/signals", headers=bearer(token)).json()
    assert signals == [s.model_dump(mode="json") for s in list_signals(settings, program="erp")]
    early = client.get("/api/programs/erp/signals?as_of=2026-03-06", headers=bearer(token))
    assert early.status_code == 200

    question = {"question": "who owns the data migration vendor recovery plan?", "k": 3}
    answer = client.post("/api/programs/erp/ask", headers=bearer(token), json=question).json()
    assert set(answer) == {"question", "answer", "mode", "citations"}
    assert answer["citations"], answer
    assert answer["citations"][0]["document"] in {d["path"] for d in documents}

    again = upload(client, "erp", token, {"SC minutes 2026-03-06.md": MINUTES_1})
    assert again["result"]["unchanged"] == [str(uploaded)]


def test_briefing_formats(client, settings):
    token = create_token(settings, program="erp", role="write")
    upload(client, "erp", token, TWO_MEETINGS)
    for fmt, media in [("md", "text/markdown"), ("html", "text/html"), ("json", "application/json"),
                       ("docx", "application/vnd.openxmlformats")]:
        response = client.get(f"/api/programs/erp/briefings/latest?format={fmt}", headers=bearer(token))
        assert response.status_code == 200, (fmt, response.text[:300])
        assert response.headers["content-type"].startswith(media)
    pdf = client.get("/api/programs/erp/briefings/latest?format=pdf", headers=bearer(token))
    assert pdf.status_code == 422


def test_the_ui_page_uses_no_outside_assets(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'id="token"' in page.text and 'id="ask-form"' in page.text
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    assert client.get("/static/app.js").status_code == 200
    assert "https://" not in client.get("/static/app.js").text


def test_the_briefing_scheduler_runs_inside_serve_when_enabled(tmp_path):
    settings = Settings(home=tmp_path / "home", embeddings="hash", serve_schedule=True)
    app = create_app(settings)
    with TestClient(app):
        scheduler = app.state.scheduler
        assert scheduler.running
        assert len(scheduler.get_jobs()) == 1  # the weekly briefing job
    assert not scheduler.running


def test_the_scheduler_stays_off_by_default(client):
    assert client.app.state.scheduler is None
