import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k3y-for-the-deploy-check-" + "abcdefghijklmnopqrstuvwxyz0123456789",
    "DJANGO_ALLOWED_HOSTS": "claims.example.org",
    "DJANGO_DEBUG": "0",
}


def manage(*args, env_overrides, drop=()):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in drop}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "project.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = manage("check", env_overrides={"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_malformed_debug_flag_is_refused_with_its_name():
    result = manage("check", env_overrides={"DJANGO_DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe' is not a boolean" in result.stderr


def test_debug_mode_runs_with_the_development_key():
    result = manage("check", env_overrides={"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_deploy_check_is_clean_with_a_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
