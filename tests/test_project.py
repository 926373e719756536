"""Project-wide checks that run in the suite: lint, Django's system checks, migrations, deploy settings."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command, env=None):
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env, check=False)  # noqa: S603


def test_ruff_lint_and_format():
    lint = run(str(BIN / "ruff"), "check", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatting = run(str(BIN / "ruff"), "format", "--check", ".")
    assert formatting.returncode == 0, formatting.stdout + formatting.stderr


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


DEPLOYMENT = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-value-for-this-check-only-" + "x" * 40,
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
    "EMAIL_URL": "smtp+tls://user:pass@mail.example.org:587",
    "CACHE_URL": "redis://cache.example.org:6379/1",
    "TRUSTED_PROXY_COUNT": "1",
}


def deploy_check(**changes):
    env = {"PATH": os.environ["PATH"], **DEPLOYMENT, **changes}
    env = {name: value for name, value in env.items() if value is not None}
    return run(sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING", env=env)


def test_production_settings_pass_deploy_checks():
    """With the documented variables set, `check --deploy` has nothing to warn about."""
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "changes, warning",
    [
        ({"CACHE_URL": None}, "portal.W001"),
        ({"CACHE_URL": "locmemcache://"}, "portal.W001"),
        ({"TRUSTED_PROXY_COUNT": None}, "portal.W002"),
        ({"TRUSTED_PROXY_COUNT": "0"}, "portal.W002"),
    ],
)
def test_deploy_checks_warn_about_quiet_defaults(changes, warning):
    """An in-process cache (limits and lockouts per worker) and no trusted proxy (one bucket for all)."""
    result = deploy_check(**changes)
    assert result.returncode != 0 and warning in result.stderr + result.stdout, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
    result = run(sys.executable, "manage.py", "check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_templates_load_nothing_from_other_hosts():
    """Every byte a page loads comes from the portal: no CDN, no third-party fonts or scripts."""
    offenders = []
    for path in [
        *REPO.glob("templates/**/*.html"),
        *REPO.glob("*/templates/**/*.html"),
        *REPO.glob("static/**/*.css"),
    ]:
        text = path.read_text()
        for marker in (
            'src="http',
            "src='http",
            'src="//',
            'href="//',
            "@import url(http",
            "url(http",
            "url(//",
        ):
            if marker in text:
                offenders.append(f"{path.relative_to(REPO)}: {marker}")
    assert offenders == []


# Imports go one way: the ground floor knows no domain app, the domain apps know the API only in the
# plug-ins the API loads from them (`endpoints.py`, and modules it gathers named `*_endpoints.py`).
# Function-local imports count too.
GROUND_FLOOR = {"home", "taxonomy", "search"}
DOMAIN = {"catalogue", "partners", "resource_requests", "engagement", "events"}


def imported_apps(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name.split(".")[0], node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


def test_imports_go_one_way():
    wrong = []
    for app in sorted(GROUND_FLOOR | DOMAIN):
        above = (DOMAIN | {"api"}) if app in GROUND_FLOOR else {"api"}
        for path in sorted((REPO / app).rglob("*.py")):
            relative = path.relative_to(REPO)
            if "migrations" in relative.parts or path.name.endswith("endpoints.py"):
                continue
            wrong += [
                f"{relative}:{line} imports {name}" for name, line in imported_apps(path) if name in above
            ]
    assert wrong == []
