"""Background work of the search app (django-tasks: in the request by default, `db_worker` in production)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def sync_search_entries(kind, keys):
    """Recompute the search entries of these translation groups and index what changed."""
    from .sync import sync

    try:
        sync(kind, keys)
    except Exception:
        logger.exception("search: entries of %s %s could not be updated", kind, keys)
        raise
