"""Deployment checks (`manage.py check --deploy`) for defaults that work, but quietly wrong in production.

- An in-process cache (`CACHE_URL` unset: local memory): every worker process counts rate limits, used
  form tokens and admin sign-in failures on its own, so each limit is multiplied by the number of workers
  and a restart forgets them.
- `TRUSTED_PROXY_COUNT=0` behind a proxy: every request seems to come from the proxy, so all visitors share
  one rate-limit bucket (and one bad actor locks the admin for everyone). A portal that really faces the
  internet without a proxy silences `portal.W002`.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

IN_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security, Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """The default cache must be one all worker processes share."""
    if settings.CACHES["default"]["BACKEND"] not in IN_PROCESS_CACHES:
        return []
    return [
        Warning(
            "The cache lives inside each worker process: rate limits, form tokens and admin sign-in lockouts "
            "count per process and are forgotten on restart.",
            hint="Set CACHE_URL to a cache every worker shares, e.g. redis://cache:6379/1.",
            id="portal.W001",
        )
    ]


@register(Tags.security, deploy=True)
def trusted_proxies(app_configs, **kwargs):
    """Behind a proxy the visitor's address is in X-Forwarded-For, which is read only when trusted."""
    if settings.TRUSTED_PROXY_COUNT:
        return []
    return [
        Warning(
            "TRUSTED_PROXY_COUNT is 0: behind a proxy every visitor seems to come from the proxy's address and "
            "all share one rate-limit and lockout count.",
            hint="Set TRUSTED_PROXY_COUNT to the number of proxies in front of the portal (usually 1); "
            "without any proxy, add portal.W002 to SILENCED_SYSTEM_CHECKS.",
            id="portal.W002",
        )
    ]
