"""The /ask endpoint over a real Gradio server on loopback, driven by gradio_client."""

from __future__ import annotations

import httpx
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from assistant.errors import ConfigError
from assistant.ui import build_app, parse_auth, serve
from tests.ui.ui_helpers import FORECAST_QUESTION, expected_size, free_port


@pytest.fixture(scope="module")
def client(chat_server):
    return Client(chat_server, verbose=False)


def test_server_binds_to_loopback(chat_server):
    assert chat_server.startswith("http://127.0.0.1:")
    assert httpx.get(chat_server, timeout=30).status_code == 200


def test_ask_returns_the_answer_json_with_citations(client, warm_assistant):
    data = client.predict(FORECAST_QUESTION, api_name="/ask")
    report = warm_assistant.report()
    value = expected_size(report, 2029)
    assert f"{value:.2f}" == "8.36"
    assert data["status"] == "answered" and data["question"] == FORECAST_QUESTION
    assert f"{value:.2f}" in data["answer"]
    assert data["report_id"] == report.id and data["backend"] == "offline"
    assert data["citations"], "a forecast cites the stated base and CAGR"
    for citation in data["citations"]:
        assert report.text[citation["start"] : citation["end"]] == citation["quote"]
    assert any(c["expression"].endswith(f"= {value:.2f}") for c in data["computations"])
    assert {p["kind"] for p in data["series"]} >= {"stated", "computed"}
    assert set(data) == set(warm_assistant.ask(FORECAST_QUESTION).to_json_dict())


def test_ask_takes_history_and_report_id(client, warm_assistant):
    first = client.predict(FORECAST_QUESTION, api_name="/ask")
    history = [
        {"role": "user", "content": FORECAST_QUESTION},
        {"role": "assistant", "content": first["answer"]},
    ]
    report = warm_assistant.report()
    data = client.predict("And in 2030?", history, report.id, api_name="/ask")
    assert data["status"] == "answered"
    assert f"{expected_size(report, 2030):.2f}" in data["answer"]


def test_ask_rejects_an_over_long_question_as_json(client, warm_assistant):
    limit = warm_assistant.settings.agent.max_question_chars
    data = client.predict("x" * (limit + 1), api_name="/ask")
    assert data["status"] == "rejected" and f"{limit:,}" in data["answer"]


def test_a_rest_call_with_only_a_question_is_answered(chat_server):
    for body in ({"data": ["What is the CAGR?"]}, {"data": ["What is the CAGR?", None]}):
        reply = httpx.post(f"{chat_server}gradio_api/run/ask", json=body, timeout=120)
        assert reply.status_code == 200, reply.text
        assert reply.json()["data"][0]["status"] == "answered"
    assert httpx.post(f"{chat_server}gradio_api/run/ask", json={"data": [7]}, timeout=60).status_code != 200


def test_ask_errors_reach_the_client_by_name(client):
    with pytest.raises(AppError, match="ReportNotFoundError: .*no-such-report"):
        client.predict(FORECAST_QUESTION, None, "no-such-report", api_name="/ask")
    with pytest.raises(AppError, match=r"history\[0\] needs a role"):
        client.predict("Hi", [{"role": "robot", "content": "x"}], api_name="/ask")


def test_only_ask_is_public_and_its_extra_inputs_are_optional(client):
    info = client.view_api(print_info=False, return_format="dict")
    assert list(info["named_endpoints"]) == ["/ask"]
    parameters = {p["parameter_name"]: p for p in info["named_endpoints"]["/ask"]["parameters"]}
    assert list(parameters) == ["question", "history", "report_id"]
    assert not parameters["question"]["parameter_has_default"]
    assert parameters["history"]["parameter_has_default"] and parameters["report_id"]["parameter_has_default"]


@pytest.mark.parametrize("value", ["nocolon", ":pw", "user:", " :pw"])
def test_malformed_auth_is_a_config_error(value):
    with pytest.raises(ConfigError, match="ASSISTANT_UI_AUTH must look like 'user:password'") as caught:
        parse_auth(value)
    assert "pw" not in str(caught.value), "the password is never echoed"


def test_auth_parses_user_and_password_with_colons():
    assert parse_auth(None) is None and parse_auth("") is None
    assert parse_auth("ann:s3:cret") == ("ann", "s3:cret")


# Open in Gradio even with a login; the page closes them to visitors who have not signed in.
CLOSED = [
    ("GET", "gradio_api/app_id"),
    ("GET", "gradio_api/heartbeat/some-session"),
    ("POST", "gradio_api/cancel"),
    ("POST", "gradio_api/reset"),
    ("POST", "gradio_api/stream/some-event"),
]


def test_login_guards_page_and_api(warm_assistant, ui_settings):
    settings = ui_settings.model_copy(deep=True)
    settings.ui.auth = "analyst:open-sesame"
    demo = build_app(warm_assistant, stream_delay_s=0.0)
    url = serve(demo, settings, port=free_port(), prevent_thread_lock=True)
    try:
        config = httpx.get(f"{url}config", timeout=30)
        assert config.status_code == 401
        assert httpx.get(f"{url}openapi.json", timeout=30).status_code == 404
        for method, path in CLOSED:
            reply = httpx.request(method, f"{url}{path}", json={}, timeout=30)
            assert reply.status_code == 401, f"{method} /{path} answered {reply.status_code}"
        with httpx.Client(base_url=url, timeout=30) as signed_in:
            login = signed_in.post("login", data={"username": "analyst", "password": "open-sesame"})
            assert login.status_code == 200
            assert signed_in.get("gradio_api/app_id").status_code == 200
            with signed_in.stream("GET", "gradio_api/heartbeat/some-session") as beat:
                assert beat.status_code == 200
            assert signed_in.post("gradio_api/reset", json={"event_id": "x"}).status_code == 200
        with pytest.raises(ValueError, match="(?i)login|auth|credentials"):
            Client(url, verbose=False)
        with pytest.raises(ValueError, match="(?i)incorrect|login|credentials"):
            Client(url, auth=("analyst", "wrong"), verbose=False)
        data = Client(url, auth=("analyst", "open-sesame"), verbose=False).predict(
            "What is the CAGR?", api_name="/ask"
        )
        assert data["status"] == "answered" and "5.65" in data["answer"]
    finally:
        demo.close()
