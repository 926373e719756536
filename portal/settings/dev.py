"""Local development: `make run`. SQLite and database search unless the environment says otherwise."""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)
# A fixed, clearly insecure key for local use only; production refuses to start without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="django-insecure-local-development-only")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

VAR_DIR.mkdir(exist_ok=True)  # the SQLite database and uploaded media live here
# The dev server is one process: django-axes' warning about an in-process cache does not apply.
SILENCED_SYSTEM_CHECKS = ["axes.W001"]

# `make run` answers a missing page with the portal's own 404 page (templates/404.html), as visitors see
# it, although DEBUG is on; DEBUG_TECHNICAL_404=true shows Django's technical 404 page instead.
if DEBUG and not env.bool("DEBUG_TECHNICAL_404", default=False):
    MIDDLEWARE = [*MIDDLEWARE, "home.middleware.PortalNotFoundMiddleware"]
