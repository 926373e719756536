"""StreamField blocks for content pages: what editors put in a page body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Subsection heading (h3)"))],
        default="h2",
        help_text=_("Keep headings in order: an h3 only follows an h2."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for alt text or an explicit "decorative" tick.
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    documents = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("document", DocumentChooserBlock(label=_("Document"))),
                ("title", blocks.CharBlock(label=_("Title shown"), required=False, max_length=200)),
            ],
            label=_("Document"),
        ),
        label=_("Documents"),
    )

    class Meta:
        icon = "doc-full"
        label = _("Documents to download")
        template = "blocks/downloads.html"


class LinkTargetBlock(blocks.StructBlock):
    """A page inside the portal or an address outside it; the page wins when both are given."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Choose a page or enter an address."))}
            )
        return result


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=600)
    link = LinkTargetBlock(label=_("Link"))
    button_label = blocks.CharBlock(label=_("Button label"), max_length=80)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    questions = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("question", blocks.CharBlock(label=_("Question"), max_length=300)),
                ("answer", blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)),
            ],
            label=_("Question"),
        ),
        label=_("Questions"),
    )

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "blocks/faq.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


# Blocks other apps add to every page body (e.g. the request form, `resource_requests/blocks.py`): the
# ground floor does not know them, each app registers its own when its models load, before any page
# body is built (the pages pass `ContentStreamBlock` as a class, which Wagtail instantiates on first use).
CONTENT_BLOCKS = []


def register_content_block(name, block):
    """Offer `block` as `name` in every page body, after the portal's own blocks."""
    if name not in dict(CONTENT_BLOCKS):
        CONTENT_BLOCKS.append((name, block))


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = FigureBlock()
    downloads = DownloadsBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    quote = QuoteBlock()

    class Meta:
        label = _("Content")

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*CONTENT_BLOCKS, *(local_blocks or [])], **kwargs)
