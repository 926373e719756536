"""Many counts of one listing in one statement, and many relations of a page in one (issue 14).

A listing counts each facet's options among what matches every *other* filter, the total, and whatever
else its page shows ("step-free: 4"). Each count is a part:

- `Rows(queryset)`: a grouped query whose rows are a value `v` and its count `n` (a facet's options);
- `Columns(queryset)`: a query of one row whose columns are counts (conditional aggregates:
  `Count("pk", filter=Q(...))`, e.g. a listing's total), read by column name.

`count(parts)` sends all of them as one `UNION ALL` (each part its own subquery, so each keeps its exact
SQL: filters, joins, `DISTINCT`), and answers per part a {value: count}. The SQL of each part is Django's
own (`query.sql_with_params()`), so it works on every database Django supports here (PostgreSQL, SQLite).
"""

import hashlib
import re
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, F, Prefetch, QuerySet, Value, prefetch_related_objects

_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass
class Rows:
    queryset: QuerySet  # .values(v=...).annotate(n=...)


@dataclass
class Columns:
    queryset: QuerySet  # one row: .values(<name>=aggregate, ...) with no grouping
    names: tuple


def columns(queryset, **aggregates):
    """A `Columns` part: the aggregates over all of `queryset` as one row (a constant grouping key that
    Django leaves out of GROUP BY)."""
    return Columns(queryset.order_by().values(_all=Value(1)).annotate(**aggregates), tuple(aggregates))


def total(queryset):
    """A `Columns` part counting the rows of `queryset` (read with `read(..., index)["n"]`)."""
    return columns(queryset, n=Count("pk", distinct=True))


def count(parts):
    """Every part's counts in one query: [{value: count}] in the order of `parts` (a part None: {})."""
    parts = list(parts)
    answers = [{} for _part in parts]
    branches, params, using = [], [], None
    for index, part in enumerate(parts):
        if part is None:
            continue
        query = part.queryset.query
        using = using or part.queryset.db
        try:
            sql, part_params = query.sql_with_params()
        except EmptyResultSet:  # nothing can match (a search without matches): every count is 0
            continue
        alias = f"part_{index}"
        if isinstance(part, Rows):
            branches.append(
                # Django's SQL of the part, with its parameters kept apart: nothing from a visitor in the text.
                f"SELECT {index} AS part, CAST({alias}.v AS TEXT) AS v, {alias}.n AS n FROM ({sql}) {alias}"  # noqa: S608
            )
            params.extend(part_params)
        else:  # one row: one row per column, by a join with the columns' names (one scan)
            if not all(_NAME.fullmatch(name) for name in part.names):
                raise ValueError(f"count names are plain identifiers: {part.names}")
            names = " UNION ALL ".join(f"SELECT '{name}' AS name" for name in part.names)
            cases = " ".join(f"WHEN '{name}' THEN {alias}.{name}" for name in part.names)
            select = f"SELECT {index} AS part, names.name AS v, CASE names.name {cases} END AS n"
            branches.append(f"{select} FROM ({sql}) {alias} CROSS JOIN ({names}) names")  # noqa: S608 - checked names
            params.extend(part_params)
    if not branches:
        return answers
    with connections[using].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), params)
        for index, value, number in cursor.fetchall():
            answers[index][value] = number or 0
    return answers


def prefetch_vocabulary(instances, relations):
    """Prefetch many-to-many relations to a vocabulary (engagement fields, districts, languages ...) of
    `instances` (one model) in one query for all of them, instead of one query per relation.

    `relations`: {name of a many-to-many field: queryset of the related objects to show}. The related
    objects themselves are vocabulary, shared by every page: read once per generation of the page cache
    (`page_cache.kept`); the query asks only for the links. Afterwards `instance.<name>.all()` answers
    from the prefetch like Django's `prefetch_related`, in the queryset's order. Without the page cache
    this is Django's `prefetch_related_objects` (one query per relation).
    """
    from home import page_cache  # home.page_cache is imported late: it needs the app registry

    instances = [instance for instance in instances if instance is not None]
    if not instances or not relations:
        return instances
    if not page_cache.enabled():
        prefetch_related_objects(instances, *(Prefetch(name, queryset=qs) for name, qs in relations.items()))
        return instances
    model = type(instances[0])
    ids = [instance.pk for instance in instances]
    branches, params, targets = [], [], []
    for index, (name, queryset) in enumerate(relations.items()):
        field = model._meta.get_field(name)
        links = (
            field.remote_field.through.objects.filter(**{f"{field.m2m_field_name()}__in": ids})
            .order_by()
            .values(s=F(f"{field.m2m_field_name()}_id"), t=F(f"{field.m2m_reverse_field_name()}_id"))
        )
        sql, part_params = links.query.sql_with_params()
        branches.append(f"SELECT {index} AS relation, r{index}.s, r{index}.t FROM ({sql}) r{index}")  # noqa: S608 - Django's SQL
        params.extend(part_params)
        label = f"vocabulary:{model._meta.label_lower}:{name}:{queryset.query}"
        digest = hashlib.sha256(label.encode()).hexdigest()[:32]
        targets.append(page_cache.kept(f"vocabulary:{digest}", lambda queryset=queryset: list(queryset)))
    linked = [{} for _relation in relations]  # per relation: source id -> set of target ids
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), params)
        for relation, source, target in cursor.fetchall():
            linked[relation].setdefault(source, set()).add(target)
    for index, name in enumerate(relations):
        for instance in instances:
            chosen = linked[index].get(instance.pk, ())
            manager = getattr(instance, name)
            related = manager.get_queryset()
            related._result_cache = [obj for obj in targets[index] if obj.pk in chosen]
            related._prefetch_done = True
            if not hasattr(instance, "_prefetched_objects_cache"):
                instance._prefetched_objects_cache = {}
            # Django's name for a forward relation's prefetch: the field's (modelcluster's managers, for
            # a `ParentalManyToManyField`, read it through Django's own manager).
            instance._prefetched_objects_cache[getattr(manager, "prefetch_cache_name", name)] = related
    return instances
