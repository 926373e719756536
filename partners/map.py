"""Dortmund's twelve districts as a small map the portal draws itself (SVG, no tiles, no script).

The shapes are simplified by hand but keep the real arrangement: Mengede in the north-west, Eving in the
north, Scharnhorst in the north-east, Huckarde and the three Innenstadt districts in the middle, Brackel
in the east, Lütgendortmund in the west, Hombruch in the south-west, Hörde in the south and Aplerbeck in
the south-east. Neighbouring districts share their border points, so the map has no gaps.
"""

from functools import cache

VIEWBOX = (0, 0, 640, 490)

# Border points (x, y), named so that neighbours share them exactly.
POINTS = {
    # the city boundary, clockwise from the west of Mengede
    "A": (40, 120), "A1": (48, 88), "B": (70, 60), "B1": (112, 46), "C": (150, 30), "C1": (195, 44),
    "D": (232, 52), "E1": (262, 28), "E": (300, 20), "E2": (338, 34), "F": (372, 40), "G1": (410, 38),
    "G": (452, 52), "H1": (492, 66), "H": (532, 92), "H2": (566, 128), "I": (592, 170), "J1": (606, 210),
    "J": (612, 252), "J2": (604, 288), "K": (600, 322), "L1": (596, 362), "L": (580, 400), "L2": (548, 430),
    "M": (510, 450), "M1": (470, 442), "N": (430, 442), "O1": (396, 462), "O": (360, 470), "O2": (326, 458),
    "P": (292, 452), "Q1": (246, 452), "Q": (200, 440), "R1": (166, 424), "R": (140, 400), "R2": (128, 370),
    "S": (130, 342), "T1": (96, 336), "T": (60, 320), "U1": (36, 292), "U": (20, 260), "U2": (22, 224),
    "V": (30, 190), "V1": (28, 155),
    # borders inside the city
    "a": (140, 172), "ab": (190, 164), "aV": (85, 184), "ah": (158, 212), "b": (242, 150), "bD": (236, 100),
    "c": (300, 172), "cd": (340, 158), "cg": (280, 205), "d": (382, 160), "dF": (378, 100), "de": (402, 190),
    "e": (422, 216), "eI": (505, 185), "ef": (388, 230), "ek": (414, 262), "f": (352, 242), "fg": (306, 232),
    "fj": (330, 282), "g": (262, 236), "gh": (222, 250), "h": (182, 252), "hi": (186, 292), "i": (202, 332),
    "iS": (165, 338), "ij": (250, 334), "j": (302, 322), "jP": (296, 390), "jk": (352, 322), "k": (402, 312),
    "kK": (500, 318), "kN": (420, 380),
}  # fmt: skip

# district slug -> (outline as point names, label position, label lines of the German name)
DISTRICTS = {
    "mengede": (
        ["A", "A1", "B", "B1", "C", "C1", "D", "bD", "b", "ab", "a", "aV", "V", "V1"],
        (135, 112),
        ["Mengede"],
    ),
    "eving": (["D", "E1", "E", "E2", "F", "dF", "d", "cd", "c", "b", "bD"], (308, 92), ["Eving"]),
    "scharnhorst": (
        ["F", "G1", "G", "H1", "H", "H2", "I", "eI", "e", "de", "d", "dF"],
        (478, 122),
        ["Scharnhorst"],
    ),
    "innenstadt-nord": (
        ["c", "cd", "d", "de", "e", "ef", "f", "fg", "g", "cg"],
        (346, 192),
        ["Innenstadt-", "Nord"],
    ),
    "huckarde": (["a", "ab", "b", "c", "cg", "g", "gh", "h", "ah"], (216, 194), ["Huckarde"]),
    "luetgendortmund": (
        ["V", "aV", "a", "ah", "h", "hi", "i", "iS", "S", "T1", "T", "U1", "U", "U2"],
        (104, 258),
        ["Lütgen-", "dortmund"],
    ),
    "innenstadt-west": (
        ["g", "fg", "f", "fj", "j", "ij", "i", "hi", "h", "gh"],
        (248, 274),
        ["Innenstadt-", "West"],
    ),
    "innenstadt-ost": (["f", "ef", "e", "ek", "k", "jk", "j", "fj"], (376, 262), ["Innenstadt-", "Ost"]),
    "brackel": (["e", "eI", "I", "J1", "J", "J2", "K", "kK", "k", "ek"], (520, 246), ["Brackel"]),
    "aplerbeck": (["k", "kK", "K", "L1", "L", "L2", "M", "M1", "N", "kN"], (510, 372), ["Aplerbeck"]),
    "hoerde": (["j", "jk", "k", "kN", "N", "O1", "O", "O2", "P", "jP"], (360, 400), ["Hörde"]),
    "hombruch": (
        ["i", "ij", "j", "jP", "P", "Q1", "Q", "R1", "R", "R2", "S", "iS"],
        (214, 386),
        ["Hombruch"],
    ),
}

SHADES = 4  # fill steps for districts with matches (0 = none)


@cache
def outline(slug):
    """The SVG `points` attribute of a district's shape."""
    names, _label, _lines = DISTRICTS[slug]
    return " ".join(f"{POINTS[name][0]},{POINTS[name][1]}" for name in names)


def label_lines(name):
    """A name in another script on the map: long names break after their hyphen, like the German ones."""
    head, hyphen, tail = name.partition("-")
    return [head + hyphen, tail] if hyphen and tail and len(name) > 10 else [name]


def map_areas(district_options, max_count):
    """Each district of the finder (an Option with count, url, selected) with its shape and label."""
    areas = []
    for option in district_options:
        if option.value not in DISTRICTS:
            continue
        _names, (x, y), lines = DISTRICTS[option.value]
        if "".join(lines) != option.label:
            lines = label_lines(option.label)  # the name in the visitor's script (taxonomy.District)
        shade = 0 if not option.count else max(1, round(SHADES * option.count / max(max_count, 1)))
        areas.append(
            {
                "option": option,
                "points": outline(option.value),
                "x": x,
                "y": y,
                "lines": [(line, y + index * 14) for index, line in enumerate(lines)],
                "count_y": y + len(lines) * 14 + 8,
                "shade": shade,
            }
        )
    return areas
