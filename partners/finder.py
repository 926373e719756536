"""The partner finder's logic: free text plus facets with counts, all state in the URL.

Facets (URL parameter: what it filters):
    field: engagement field (slug)      district: district active in (slug)    language: spoken (code)
    kind: kind of organisation          offers: cooperation topic offered       seeks: topic looked for
    q: free text (partners/search.py)   page: page number

Each facet takes one value on the web page (the API, `partners/endpoints.py`, passes several, which are
alternatives); facets combine (AND). Every count is computed in the database with one grouped query per
facet, over the partners that match all *other* filters: the number beside an option is what choosing it
would show, and the district map always shows where else to look. Values are checked against what
exists; anything else is left out with a notice in the visitor's language (the API refuses it instead).
`Finder.search()` is the part the web page and the API share: filter, count, order.
"""

import logging
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from partners.models import LANGUAGE_CHOICES, PartnerOrganisation, localized
from partners.search import search_partner_keys
from taxonomy.models import CooperationTopic, District, EngagementField

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 100
LOGO_FILTER = "max-160x80"


@dataclass
class Option:
    value: str
    label: str
    lang: str = ""  # the label's language when it is not the visitor's (a German fallback)
    count: int = 0
    selected: bool = False
    url: str = ""  # the finder with this option chosen (used by the map and the district list)


@dataclass
class ActiveFilter:
    param: str
    label: str
    value_label: str
    remove_url: str
    count_without: int | None = None


class Facet:
    """One filter of the finder: its options in a language, how it filters, how it counts."""

    def __init__(self, param, label):
        self.param = param
        self.label = label

    def options(self, finder):
        raise NotImplementedError

    def apply(self, queryset, values):
        """Keep what matches any of `values` (a sequence of option values)."""
        raise NotImplementedError

    def counts(self, queryset):
        raise NotImplementedError


class RelationFacet(Facet):
    """A many-to-many relation of the partner, filtered and counted by a field of the related object."""

    def __init__(self, param, label, relation, key):
        super().__init__(param, label)
        self.relation = relation
        self.key = key

    @property
    def _through(self):
        m2m = PartnerOrganisation._meta.get_field(self.relation)
        return m2m.remote_field.through, m2m.m2m_field_name(), m2m.m2m_reverse_field_name()

    def apply(self, queryset, values):
        through, source, target = self._through
        matching = through.objects.filter(**{f"{target}__{self.key}__in": values}).values(source)
        return queryset.filter(pk__in=matching)

    def counts(self, queryset):
        through, source, target = self._through
        rows = (
            through.objects.filter(**{f"{source}__in": queryset.values("pk")})
            .values(f"{target}__{self.key}")
            .annotate(n=Count(source, distinct=True))
            .order_by()
        )
        return {row[f"{target}__{self.key}"]: row["n"] for row in rows}


class TermFacet(RelationFacet):
    def __init__(self, param, label, relation, model):
        super().__init__(param, label, relation, "slug")
        self.model = model

    def options(self, finder):
        return [
            Option(term.slug, term.name, lang=finder.fallback_lang(term))
            for term in finder.vocabulary(self.model)
        ]


class DistrictFacet(RelationFacet):
    def __init__(self, param, label):
        super().__init__(param, label, "districts", "slug")

    def options(self, finder):
        return [Option(district.slug, district.name) for district in finder.districts()]


class LanguageFacet(RelationFacet):
    def __init__(self, param, label):
        super().__init__(param, label, "languages", "code")

    def options(self, finder):
        # The fixed list the SpokenLanguage rows mirror (created by a migration): no query needed.
        return [Option(code, str(name)) for code, name in LANGUAGE_CHOICES]


class KindFacet(Facet):
    def options(self, finder):
        return [Option(value, str(label)) for value, label in PartnerOrganisation.Kind.choices]

    def apply(self, queryset, values):
        return queryset.filter(kind__in=values)

    def counts(self, queryset):
        return {row["kind"]: row["n"] for row in queryset.order_by().values("kind").annotate(n=Count("pk"))}


FACETS = [
    TermFacet("field", _("Engagement field"), "engagement_fields", EngagementField),
    DistrictFacet("district", _("District")),
    LanguageFacet("language", _("Language")),
    KindFacet("kind", _("Kind of organisation")),
    TermFacet("offers", _("Offers"), "offers", CooperationTopic),
    TermFacet("seeks", _("Looks for"), "looks_for", CooperationTopic),
]
PARAMS = ["q", *(facet.param for facet in FACETS)]


def with_card_details(queryset):
    """What a partner card shows, in a fixed number of queries however many cards there are."""
    return queryset.select_related("locale").prefetch_related(
        Prefetch(
            "engagement_fields", queryset=EngagementField.objects.filter(live=True).select_related("locale")
        ),
        "districts",
        "languages",
        Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_FILTER)),
    )


def clean_text(value):
    """Visible text only: control characters (NUL, line breaks ...) become spaces, runs of space one."""
    value = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in value)
    return " ".join(value.split())


@dataclass
class FinderResult:
    query: str
    facets: list  # [{"facet", "options", "selected"}]
    page: object
    total: int
    active: list
    notices: list
    districts: list  # district options with counts and links, for the map
    max_district_count: int


class Finder:
    """One visit to the finder: parses the URL's parameters, filters, counts and pages.

    `selected` holds one value per facet for the web page; the API puts a list of values there instead.
    `sort`: None (best match first with search text, else by name) or "name".
    """

    def __init__(self, params, language, base_url=""):
        self.params = params
        self.language = language
        self.base_url = base_url
        self.sort = None
        self.search_failed = False
        self.notices = []
        self.page_number = 1
        self._keys = None  # the free text's matches (a search.matching.TextMatch)
        self._vocabularies = {}
        self._districts = None
        self.query = self._parse_query(params.get("q", ""))
        self.options = {facet.param: facet.options(self) for facet in FACETS}
        self.selected = {}
        for facet in FACETS:
            raw = clean_text(params.get(facet.param, ""))
            if not raw:
                continue
            if any(option.value == raw for option in self.options[facet.param]):
                self.selected[facet.param] = raw
            else:
                self.notices.append(
                    _("“%(value)s” is not a choice for “%(filter)s”, so this filter was left out.")
                    % {"value": _shorten(raw), "filter": facet.label}
                )

    # --- Vocabulary, shared between facets -------------------------------------------------------------

    def vocabulary(self, model):
        if model not in self._vocabularies:
            self._vocabularies[model] = list(
                localized(model.objects.filter(live=True), self.language)
                .select_related("locale")
                .order_by("sort_order", "name")
            )
        return self._vocabularies[model]

    def districts(self):
        if self._districts is None:
            self._districts = list(District.objects.all())
        return self._districts

    def fallback_lang(self, obj):
        code = obj.locale.language_code
        return code if code != self.language else ""

    # --- Parameters and URLs ---------------------------------------------------------------------------

    def _parse_query(self, raw):
        query = clean_text(raw)
        if len(query) > MAX_QUERY_LENGTH:
            query = query[:MAX_QUERY_LENGTH].rstrip()
            self.notices.append(
                _("Your search text was very long; only its first %(limit)s characters were used.")
                % {"limit": MAX_QUERY_LENGTH}
            )
        return query

    def state(self):
        return {"q": self.query, **self.selected}

    def url(self, base_url=None, **changes):
        """The finder with the current state changed: a value sets a parameter, None removes it.

        Only what was understood goes into links; nonsense parameters are never echoed back.
        """
        state = {**self.state(), **changes}
        pairs = [(param, state[param]) for param in PARAMS if state.get(param)]
        if changes.get("page"):
            pairs.append(("page", changes["page"]))
        return (self.base_url if base_url is None else base_url) + ("?" + urlencode(pairs) if pairs else "")

    # --- Querysets ---------------------------------------------------------------------------------------

    def _base(self):
        partners = PartnerOrganisation.objects.in_language(self.language)
        if self.query:
            try:
                self._keys = search_partner_keys(self.query, [self.language, settings.LANGUAGE_CODE])
            except Exception:  # noqa: BLE001 - a search engine outage must not take the finder down
                logger.exception("partner finder: free-text search failed")
                self.search_failed = True
                self.notices.append(
                    _("The search by text is not available at the moment; the other filters still work.")
                )
                self.query = ""
                return partners
            partners = self._keys.filter(partners)  # SQL: the matches are never loaded (partners/search.py)
        return partners

    def selected_values(self, param):
        value = self.selected.get(param)
        if not value:
            return ()
        return (value,) if isinstance(value, str) else tuple(value)

    def _filtered(self, base, skip=None):
        for facet in FACETS:
            values = self.selected_values(facet.param)
            if values and facet.param != skip:
                base = facet.apply(base, values)
        return base

    def _ordered(self, queryset):
        if self.sort != "name" and self.query and self._keys is not None:
            return queryset.order_by(*self._keys.rank(), Lower("name"), "pk")
        return queryset.order_by(Lower("name"), "pk")

    def search(self):
        """Filter, count every facet's options (`options` get their `count` and `selected`) and order.

        Returns (base, ordered results, facets): `base` is what the free text leaves (before the facets).
        """
        base = self._base()
        facets = []
        for facet in FACETS:
            counts = facet.counts(self._filtered(base, skip=facet.param))
            chosen = self.selected_values(facet.param)
            options = self.options[facet.param]
            for option in options:
                option.count = counts.get(option.value, 0)
                option.selected = option.value in chosen
            facets.append({"facet": facet, "options": options, "selected": self.selected.get(facet.param)})
        return base, self._ordered(self._filtered(base)), facets

    def max_district_count(self):
        """The largest count on the map (after `search()`), which sets the map's shades."""
        return max((option.count for option in self.options["district"]), default=0)

    def run(self, page_number=None):
        base, results, facets = self.search()

        districts = self.options["district"]
        for option in districts:
            option.url = self.url(district=option.value)

        listing = with_card_details(results)
        paginator = Paginator(listing, settings.PORTAL_PAGE_SIZE)
        page = paginator.get_page(page_number)
        self.page_number = page.number
        if page_number not in (None, "") and _as_int(page_number) != page.number:
            self.notices.append(
                _("There is no page “%(page)s”; showing page %(shown)s instead.")
                % {"page": _shorten(clean_text(str(page_number))), "shown": page.number}
            )

        active = self._active_filters()
        if paginator.count == 0:
            for item in active:
                item.count_without = self._filtered(
                    self._base_without_query() if item.param == "q" else base, skip=item.param
                ).count()

        return FinderResult(
            query=self.query,
            facets=facets,
            page=page,
            total=paginator.count,
            active=active,
            notices=self.notices,
            districts=districts,
            max_district_count=self.max_district_count(),
        )

    def _base_without_query(self):
        return PartnerOrganisation.objects.in_language(self.language)

    def _active_filters(self):
        active = []
        if self.query:
            active.append(ActiveFilter("q", _("Search text"), self.query, self.url(q=None)))
        for facet in FACETS:
            value = self.selected.get(facet.param)
            if value:
                option = next(option for option in self.options[facet.param] if option.value == value)
                active.append(
                    ActiveFilter(facet.param, facet.label, option.label, self.url(**{facet.param: None}))
                )
        return active


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _shorten(text, length=40):
    return text if len(text) <= length else text[: length - 1] + "…"
