"""Settings as the command line meets them: every field described, unknown keys refused, the default
data folder of a checkout and of an installed copy, and the README's table kept true."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from assistant.settings import OTHER_VARIABLES, Settings, describe_error, known_variables

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in list(os.environ):
        if name.upper().startswith("ASSISTANT_"):
            monkeypatch.delenv(name)
    return monkeypatch


def _models(model: type[BaseModel]) -> list[type[BaseModel]]:
    found = [model]
    for field in model.model_fields.values():
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
            found += _models(field.annotation)
    return found


def test_every_field_has_a_description() -> None:
    for model in _models(Settings):
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"


def test_a_misspelt_nested_key_is_refused(clean_env) -> None:
    clean_env.setenv("ASSISTANT_AGENT__SEARCHK", "9")
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert describe_error(caught.value) == (
        "unknown setting ASSISTANT_AGENT__SEARCHK; did you mean ASSISTANT_AGENT__SEARCH_K?"
    )


def test_a_misspelt_top_level_variable_is_refused(clean_env) -> None:
    clean_env.setenv("ASSISTANT_CHROMAURL", "http://127.0.0.1:8000")
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert (
        describe_error(caught.value)
        == "unknown setting ASSISTANT_CHROMAURL; did you mean ASSISTANT_CHROMA_URL?"
    )


def test_documented_variables_still_work(clean_env) -> None:
    clean_env.setenv("ASSISTANT_AGENT__SEARCH_K", "9")
    clean_env.setenv("ASSISTANT_UI_AUTH", "analyst:secret")
    clean_env.setenv("ASSISTANT_SLACK_API_URL", "http://127.0.0.1:9/api/")
    for name in OTHER_VARIABLES:
        clean_env.setenv(name, "anything")
    settings = Settings()
    assert settings.agent.search_k == 9
    assert settings.ui.auth == "analyst:secret"
    assert settings.slack.api_url == "http://127.0.0.1:9/api/"


def test_a_checkout_keeps_its_data_beside_the_project(clean_env) -> None:
    assert (ROOT / "pyproject.toml").is_file()
    assert Settings().data_dir == ROOT / ".data"
    assert Settings().corpus_dir == ROOT / "corpus"


def test_an_installed_copy_keeps_its_data_in_the_user_data_directory(tmp_path: Path) -> None:
    """The package copied into a site folder with no pyproject.toml beside it, as a wheel installs it."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "assistant", site / "assistant", ignore=shutil.ignore_patterns("__pycache__"))
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(("ASSISTANT_", "XDG_"))}
    env.update(PYTHONPATH=str(site), HOME=str(home), XDG_DATA_HOME=str(home / "data"))
    code = "from assistant.settings import Settings; s = Settings(); print(s.data_dir); print(s.corpus_dir)"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    data_dir, corpus_dir = proc.stdout.splitlines()
    assert Path(data_dir) == home / "data" / "report-analyst-assistant"
    assert corpus_dir == "corpus"
    assert not (site / ".data").exists()


def _readme_variables() -> list[str]:
    """Every variable named in the README's settings table; '`__X`' continues the last nested name's group."""
    section = README.read_text(encoding="utf-8").split("## Settings", 1)[1].split("\n## ", 1)[0]
    names: list[str] = []
    for row in re.findall(r"^\| `ASSISTANT_.*$", section, re.MULTILINE):
        group = ""
        for token in re.findall(r"`([A-Z_]+)`", row.split("|")[1]):
            if token.startswith("__"):
                names.append(group + token)
            else:
                names.append(token)
                if "__" in token:
                    group = token.rsplit("__", 1)[0]
    return names


def test_the_readme_settings_table_names_every_setting_and_no_other() -> None:
    documented = _readme_variables()
    assert len(documented) == len(set(documented)), documented
    assert sorted(documented) == known_variables()
