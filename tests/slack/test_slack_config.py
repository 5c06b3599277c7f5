"""Tokens, the API URL setting, startup errors, Socket Mode selection and the app manifest."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.errors import ConfigError
from assistant.settings import Settings
from assistant.slack.app import api_base_url, build_app
from assistant.slack.secrets import RedactSecrets, SlackTokens
from assistant.slack.server import make_http_server, serve
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, Bot, RecordingAssistant
from tests.slack.fake_slack import FakeSlack, command_body, sign

ROOT = Path(__file__).resolve().parents[2]


def _settings(tmp_path: Path, api_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path, slack={"api_url": api_url})


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "abc"}, "should start with 'xoxb-'"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET is not set"),
        (
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xoxb-not-an-app-token"},
            "should start with 'xapp-'",
        ),
    ],
)
def test_missing_or_malformed_tokens_are_config_errors(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        SlackTokens.from_env(env)
    for value in env.values():
        if len(value) > 5:
            assert value not in str(info.value)


def test_tokens_choose_the_mode_and_never_show_in_repr() -> None:
    http = SlackTokens.from_env({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET})
    socket_mode = SlackTokens.from_env(
        {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xapp-1-A1-secretapp"}
    )
    assert not http.socket_mode and socket_mode.socket_mode and socket_mode.signing_secret is None
    for tokens in (http, socket_mode):
        assert (
            BOT_TOKEN not in repr(tokens)
            and "secretapp" not in repr(tokens)
            and SIGNING_SECRET not in repr(tokens)
        )


def test_redaction_covers_known_secrets_token_shapes_and_token_fields() -> None:
    redact = RedactSecrets(["s3cr3t-value"]).redact
    assert redact("secret s3cr3t-value here") == "secret [redacted] here"
    assert "xoxb-" not in redact("Bearer xoxb-9-9-abcdef") and "xapp-" not in redact("xapp-1-A-2-f00")
    assert redact('{"token": "legacy123", "x": 1}') == '{"token": "[redacted]", "x": 1}'
    assert redact("token=legacy123&team_id=T1") == "token=[redacted]&team_id=T1"


def test_the_api_url_setting_and_its_documented_env_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_SLACK_API_URL", "http://127.0.0.1:9/api/")
    assert Settings().slack.api_url == "http://127.0.0.1:9/api/"
    monkeypatch.delenv("ASSISTANT_SLACK_API_URL")
    monkeypatch.setenv("ASSISTANT_SLACK__API_URL", "http://127.0.0.1:8/api/")
    assert Settings().slack.api_url == "http://127.0.0.1:8/api/"
    assert api_base_url("http://h:1/api") == "http://h:1/api/"
    with pytest.raises(ConfigError, match="ASSISTANT_SLACK_API_URL"):
        api_base_url("slack.com/api")


def test_a_rejected_bot_token_is_a_config_error_without_the_token(
    seed_assistant: Any, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    wrong = "xoxb-9999-wrong-token-value"
    with pytest.raises(ConfigError, match="invalid_auth") as info:
        build_app(_settings(tmp_path, fake_slack.url), seed_assistant, SlackTokens(wrong, SIGNING_SECRET))
    assert wrong not in str(info.value)
    assert [c.method for c in fake_slack.calls] == ["auth.test"]


def test_an_unreachable_api_is_a_config_error_naming_the_url(seed_assistant: Any, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/api/"
    with pytest.raises(ConfigError, match=f"cannot reach the Slack Web API at {url}"):
        build_app(_settings(tmp_path, url), seed_assistant, SlackTokens(BOT_TOKEN, SIGNING_SECRET))


def test_socket_mode_is_used_when_an_app_token_is_set(
    seed_assistant: Any, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    tokens = SlackTokens(BOT_TOKEN, app_token="xapp-1-A0000001-refusedbythefake")
    app = build_app(_settings(tmp_path, fake_slack.url), seed_assistant, tokens)
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN.*invalid_auth"):
        serve(app, tokens, "127.0.0.1", 0)
    [opened] = fake_slack.calls_to("apps.connections.open")
    assert opened.authorization == f"Bearer {tokens.app_token}"


def test_the_manifest_asks_for_what_the_bot_uses() -> None:
    manifest = yaml.safe_load((ROOT / "slack" / "manifest.yml").read_text(encoding="utf-8"))
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert events == {"app_mention", "message.im"}
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    needed = {
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
        "channels:history",
        "groups:history",
    }
    assert needed <= scopes
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == Settings().slack.command
    assert command["url"].endswith("/slack/events")
    assert manifest["settings"]["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert manifest["settings"]["interactivity"]["is_enabled"] is True  # report buttons
    assert manifest["settings"]["interactivity"]["request_url"].endswith("/slack/events")
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True


def test_the_slash_command_name_comes_from_settings(
    seed_assistant: Any, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    settings = _settings(tmp_path, fake_slack.url)
    settings.slack.command = "/ask-report"
    tokens = SlackTokens(BOT_TOKEN, SIGNING_SECRET)
    server = make_http_server(build_app(settings, seed_assistant, tokens), tokens, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        bot = Bot(server.url, fake_slack, RecordingAssistant(None))
        replies = {}
        for command in ("/ask-report", "/report"):
            body = command_body(command, "help", fake_slack.url.replace("/api/", "/response/x"))
            replies[command] = bot.post(body, sign(SIGNING_SECRET, body), "application/x-www-form-urlencoded")
    finally:
        server.shutdown()
        thread.join(timeout=30)
        server.server_close()
    assert (
        replies["/ask-report"].status == 200
        and "/ask-report --report ID" in replies["/ask-report"].json()["text"]
    )
    assert replies["/report"].status == 404  # not this app's command any more
