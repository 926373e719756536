"""Arabic date formats where Django has none of its own (it falls back to the English "N j, Y, P", which
reads "ديسمبر 1, 2026, 11:02 م"): day, month, the Arabic comma «،», year, then the time, as CLDR writes
them. Django's own Arabic formats (DATE_FORMAT "j F، Y", SHORT_DATE_FORMAT with right-to-left marks) stay;
FORMAT_MODULE_PATH looks here first and falls back to Django's module for everything not set here.

Numbers: Western digits (CLDR's default numbering system for Arabic, and the digits of the dates above)
with CLDR's separators for them: "." before the decimals and "," between thousands ("1,500 يورو",
"12.50 يورو"). Django's Arabic module has the German ones, which an Arabic reader takes for a decimal
point: "1.500 يورو" reads as one and a half euros."""

DATE_FORMAT = "j F، Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "j F، Y، g:i A"
SHORT_DATE_FORMAT = "d\u200f/m\u200f/Y"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y، g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
