"""The production settings pass Django's deployment checks; the embedded default stays zero-config."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_ayneh(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("AYNEH_", "DATABASE_URL", "REDIS_URL", "DJANGO_"))
    }
    return subprocess.run(
        [sys.executable, "-m", "ayneh.cli", *args],
        cwd=REPO_ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = run_ayneh(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "AYNEH_DATA_DIR": str(tmp_path),
            "AYNEH_PRODUCTION": "1",
            "AYNEH_SECRET_KEY": secrets.token_urlsafe(64),
            "AYNEH_ALLOWED_HOSTS": "news.example.ir",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_embedded_default_generates_and_keeps_its_secret_key(tmp_path):
    first = run_ayneh("check", env={"AYNEH_DATA_DIR": str(tmp_path)})
    key = (tmp_path / "secret_key").read_text()
    second = run_ayneh("check", env={"AYNEH_DATA_DIR": str(tmp_path)})

    assert first.returncode == second.returncode == 0
    assert len(key) > 50
    assert (tmp_path / "secret_key").read_text() == key
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
