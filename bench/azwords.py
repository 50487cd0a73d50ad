"""Plausible Azerbaijani test text, deterministic from a seed.

Sentences are built from a fixed vocabulary of real Azerbaijani words (nouns,
adjectives, verbs) inflected by the language's vowel harmony: two-way suffixes
(-lar/-lər, -da/-də) follow the last vowel's backness, four-way suffixes
(-ın/-in/-un/-ün) its backness and rounding; a buffer consonant (n, s, y)
joins a suffix to a stem ending in a vowel; a final k/q of a polysyllabic stem
softens to y/ğ before a vowel. The inflection gives the text the many word
forms real Azerbaijani has, so a per-word shaping cache is not flattered by a
few hundred repeated words.

The sentences are neutral everyday descriptions (towns, gardens, books,
seasons, crafts): test text for typesetting, with no historical claims.
"""

BACK = set("aıou")
FRONT = set("əeiöü")
VOWELS = BACK | FRONT


class Rng:
    """SplitMix64: the same numbers on every Python version and machine."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def pick(self, items):
        return items[self.below(len(items))]

    def chance(self, percent):
        return self.below(100) < percent


def last_vowel(word):
    for c in reversed(word):
        if c in VOWELS:
            return c
    return "a"


def two_way(word, back, front):
    return back if last_vowel(word) in BACK else front


def four_way(word):
    """The high vowel a four-way suffix takes after `word`: ı, i, u or ü."""
    return {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}[last_vowel(word)]


def syllables(word):
    return sum(1 for c in word if c in VOWELS)


def soften(stem):
    """uşaq + ı -> uşağı, çiçək + i -> çiçəyi (polysyllabic stems only)."""
    if syllables(stem) > 1 and stem.endswith("q"):
        return stem[:-1] + "ğ"
    if syllables(stem) > 1 and stem.endswith("k"):
        return stem[:-1] + "y"
    return stem


def ends_in_vowel(word):
    return word[-1] in VOWELS


# ── Nouns ────────────────────────────────────────────────────────────────────
# Stems whose possessive drops no vowel (no fikir/fikri, ömür/ömrü).

def plural(stem):
    return stem + two_way(stem, "lar", "lər")


def genitive(stem):
    v = four_way(stem)
    return stem + "n" + v + "n" if ends_in_vowel(stem) else soften(stem) + v + "n"


def accusative(stem):
    v = four_way(stem)
    return stem + "n" + v if ends_in_vowel(stem) else soften(stem) + v


def dative(stem):
    a = two_way(stem, "a", "ə")
    return stem + "y" + a if ends_in_vowel(stem) else soften(stem) + a


def locative(stem):
    return stem + two_way(stem, "da", "də")


def ablative(stem):
    return stem + two_way(stem, "dan", "dən")


def possessive(stem):
    """Third person: bağça -> bağçası, şəhər -> şəhəri, uşaq -> uşağı."""
    v = four_way(stem)
    return stem + "s" + v if ends_in_vowel(stem) else soften(stem) + v


def possessive_locative(stem):
    """bağça -> bağçasında, şəhər -> şəhərində."""
    p = possessive(stem)
    return p + "n" + two_way(p, "da", "də")


def possessive_accusative(stem):
    p = possessive(stem)
    return p + "n" + four_way(p)


PEOPLE = [
    "uşaq", "müəllim", "şagird", "tələbə", "alim", "həkim", "rəssam", "şair", "yazıçı", "musiqiçi",
    "bağban", "balıqçı", "çoban", "qonşu", "dost", "ailə", "nənə", "baba", "gənc", "usta", "sənətkar",
    "memar", "toxucu", "dulusçu", "kitabxanaçı", "səyyah", "qonaq", "sakin", "aşıq", "xanəndə",
    "müğənni", "rəqqas", "mühəndis", "aqronom", "tərcüməçi", "jurnalist", "fotoqraf", "arıçı",
]
PLACES = [
    "şəhər", "kənd", "dəniz", "dağ", "bağ", "bağça", "meşə", "küçə", "meydan", "məktəb", "kitabxana",
    "muzey", "teatr", "ev", "həyət", "körpü", "bazar", "sahil", "ada", "göl", "çöl", "tarla", "dərə",
    "yamac", "zirvə", "cığır", "qala", "bina", "emalatxana", "dükan", "park", "xiyaban", "bulaq",
    "məhəllə", "qəsəbə", "vadi", "çəmənlik", "üzümlük", "zal", "otaq", "eyvan", "mətbəx",
]
THINGS = [
    "kitab", "pəncərə", "qapı", "yol", "çiçək", "ağac", "yarpaq", "budaq", "quş", "bulud", "günəş",
    "külək", "yağış", "qar", "işıq", "kölgə", "səs", "mahnı", "musiqi", "nağıl", "şeir", "hekayə",
    "məktub", "rəsm", "lövhə", "xalça", "naxış", "süfrə", "çörək", "meyvə", "alma", "nar", "üzüm",
    "dalğa", "daş", "kərpic", "taxta", "ipək", "yun", "qab", "səhifə", "dəftər", "qələm", "lüğət",
    "mətn", "hərf", "əlifba", "xəritə", "saat", "fənər", "çıraq", "pərdə", "mizan", "kamança",
    "tar", "saz", "balaban", "mahal", "dəyirman", "arx", "çardaq", "bostan", "tut", "heyva", "ərik",
    "qoz", "fındıq", "zeytun", "sərv", "çinar", "palıd", "söyüd", "qovaq", "lalə", "nərgiz", "bənövşə",
]
TIMES = [
    "Səhər tezdən", "Axşam saatlarında", "Yaz aylarında", "Payızda", "Hər il", "Bəzən", "Uzun illər boyu",
    "Günün ikinci yarısında", "Qış gecələrində", "Həftə sonunda", "Bayram günlərində", "Günorta vaxtı",
    "İlin bu fəslində", "Yağışlı günlərdə", "Yayın isti günlərində", "Hər səhər", "Tez-tez",
    "Adətən", "Çox vaxt", "Son zamanlar",
]
CLAUSES = [
    "Hava sərin olanda", "Yağış kəsəndən sonra", "Günəş batanda", "Bayram yaxınlaşanda",
    "Dərslər bitəndən sonra", "İş günü başa çatanda", "Qar əriyəndə", "Bağlarda çiçəklər açanda",
    "Yollar təmizlənəndən sonra", "Qonaqlar gələndə", "Axşam düşəndə", "Külək sakitləşəndə",
]
CONNECTORS = ["və", "amma", "lakin", "həm də", "buna görə də", "bununla yanaşı", "eyni zamanda", "sonra isə"]

# ── Adjectives ──────────────────────────────────────────────────────────────
ADJECTIVES = [
    "böyük", "kiçik", "köhnə", "təzə", "yeni", "gözəl", "geniş", "dar", "uzun", "qısa", "hündür",
    "alçaq", "sakit", "səs-küylü", "işıqlı", "qaranlıq", "isti", "soyuq", "mavi", "yaşıl", "qırmızı",
    "ağ", "sarı", "qonur", "təmiz", "maraqlı", "qədim", "müasir", "sadə", "zəngin", "rəngarəng",
    "mehriban", "səmimi", "çalışqan", "diqqətli", "məşhur", "doğma", "uzaq", "yaxın", "dərin", "sərin",
    "ətirli", "şirin", "dadlı", "incə", "möhkəm", "nadir", "ecazkar", "heyrətamiz", "füsunkar",
    "əzəmətli", "gümrah", "yaraşıqlı", "nəfis", "səliqəli", "işgüzar", "xeyirxah", "qayğıkeş",
    "unudulmaz", "bənzərsiz", "mənzərəli", "günəşli", "dumanlı", "küləkli", "yağışlı", "çiçəkli",
]


def copula(word):
    """-dır/-dir/-dur/-dür: gözəl -> gözəldir."""
    return word + "d" + four_way(word) + "r"


# ── Verbs ───────────────────────────────────────────────────────────────────
# (stem, what the object takes): "acc" = a definite object, "dat" = dative.
# Compound verbs with "et" (söhbət et) conjugate their "et": edir, etdi.
TRANSITIVE = [
    "oxu", "yaz", "gör", "sev", "qoru", "öyrən", "tik", "çək", "topla", "bəzə", "hazırla", "araşdır",
    "xatırla", "dinlə", "paylaş", "ək", "sula", "tanı", "izlə", "seç", "aç", "bağla", "göstər",
    "təmir et", "təsvir et", "müzakirə et", "tərtib et", "qeyd et", "bərpa et", "nəşr et",
]
DATIVE_VERBS = ["bax", "yaxınlaş", "kömək et", "qulaq as", "diqqət yetir", "baş çək", "hazırlaş", "öyrəş"]
INTRANSITIVE = [
    "gəz", "otur", "danış", "gül", "oyna", "işlə", "dincəl", "toplaş", "çalış", "yaşa", "gəl", "düşün",
    "söhbət et", "səyahət et", "mahnı oxu", "rəqs et", "şənlən", "dərs hazırla", "fikirləş",
]


def present(stem, plural_subject):
    """oxu -> oxuyur(lar), gəl -> gəlir(lər), söhbət et -> söhbət edir(lər)."""
    head, _, last = stem.rpartition(" ")
    if last == "et":
        form = "edir"
    elif ends_in_vowel(last):
        form = last + "y" + four_way(last) + "r"
    else:
        form = last + four_way(last) + "r"
    if plural_subject:
        form += two_way(form, "lar", "lər")
    return (head + " " + form) if head else form


def past(stem, plural_subject):
    """oxu -> oxudu(lar), söhbət et -> söhbət etdi(lər)."""
    head, _, last = stem.rpartition(" ")
    form = last + "d" + four_way(last)
    if plural_subject:
        form += two_way(form, "lar", "lər")
    return (head + " " + form) if head else form


def verb(rng, stem, plural_subject):
    return present(stem, plural_subject) if rng.chance(70) else past(stem, plural_subject)


# ── Capitalisation (Azerbaijani: i -> İ, ı -> I) ─────────────────────────────

def upper_az(text):
    return text.replace("i", "İ").replace("ı", "I").upper()


def capitalize(text):
    return upper_az(text[0]) + text[1:] if text else text


# ── Phrases and sentences ───────────────────────────────────────────────────

def place_phrase(rng):
    """kitabxananın oxu zalında, dəniz sahilində, köhnə məhəllədə."""
    kind = rng.below(3)
    if kind == 0:
        return genitive(rng.pick(PLACES)) + " " + possessive_locative(rng.pick(PLACES + THINGS))
    if kind == 1:
        return rng.pick(PLACES) + " " + possessive_locative(rng.pick(PLACES))
    return rng.pick(ADJECTIVES) + " " + locative(rng.pick(PLACES))


def object_phrase(rng):
    """köhnə kitabları, bağın ağaclarını, təzə meyvələr."""
    kind = rng.below(4)
    if kind == 0:
        return rng.pick(ADJECTIVES) + " " + accusative(plural(rng.pick(THINGS)))
    if kind == 1:
        return genitive(rng.pick(PLACES)) + " " + possessive_accusative(plural(rng.pick(THINGS)))
    if kind == 2:
        return rng.pick(ADJECTIVES) + " " + plural(rng.pick(THINGS))
    return accusative(rng.pick(THINGS))


def people_phrase(rng):
    """gənc rəssamlar, kəndin sakinləri."""
    if rng.chance(40):
        return genitive(rng.pick(PLACES)) + " " + possessive(plural(rng.pick(PEOPLE)))
    if rng.chance(50):
        return rng.pick(ADJECTIVES) + " " + plural(rng.pick(PEOPLE))
    return plural(rng.pick(PEOPLE))


def clause(rng):
    kind = rng.below(4)
    if kind == 0:
        return f"{people_phrase(rng)} {place_phrase(rng)} {object_phrase(rng)} {verb(rng, rng.pick(TRANSITIVE), True)}"
    if kind == 1:
        return f"{people_phrase(rng)} {dative(rng.pick(PLACES + THINGS))} {verb(rng, rng.pick(DATIVE_VERBS), True)}"
    if kind == 2:
        return f"{people_phrase(rng)} {place_phrase(rng)} {verb(rng, rng.pick(INTRANSITIVE), True)}"
    a, b = rng.pick(ADJECTIVES), rng.pick(ADJECTIVES)
    while b == a:
        b = rng.pick(ADJECTIVES)
    return f"{genitive(rng.pick(PLACES))} {possessive(plural(rng.pick(THINGS)))} {a} və {copula(b)}"


def sentence(rng):
    kind = rng.below(5)
    if kind == 0:
        text = f"{rng.pick(TIMES)} {clause(rng)}"
    elif kind == 1:
        text = f"{rng.pick(CLAUSES)}, {clause(rng)}"
    elif kind == 2:
        text = f"{clause(rng)}, {rng.pick(CONNECTORS)} {clause(rng)}"
    elif kind == 3:
        text = f"{rng.pick(TIMES)} {clause(rng)}; {clause(rng)}"
    else:
        text = clause(rng)
    end = "." if rng.chance(92) else ("!" if rng.chance(50) else "?")
    return capitalize(text) + end


def paragraph(rng, min_words=45, max_words=110):
    target = min_words + rng.below(max_words - min_words + 1)
    sentences, words = [], 0
    while words < target:
        s = sentence(rng)
        sentences.append(s)
        words += len(s.split())
    return " ".join(sentences), words


def heading(rng):
    """Bağçanın çiçəkləri, Köhnə körpü, Dağ kəndinin səhərləri."""
    kind = rng.below(3)
    if kind == 0:
        text = genitive(rng.pick(PLACES)) + " " + possessive(plural(rng.pick(THINGS)))
    elif kind == 1:
        text = rng.pick(ADJECTIVES) + " " + rng.pick(PLACES)
    else:
        text = rng.pick(ADJECTIVES) + " " + plural(rng.pick(THINGS)) + " haqqında"
    return capitalize(text)


def caption(rng, number):
    return f"Şəkil {number}. {capitalize(rng.pick(ADJECTIVES))} {rng.pick(PLACES)} {possessive(rng.pick(['mənzərə', 'görünüş', 'təsvir', 'rəsm']))}."
