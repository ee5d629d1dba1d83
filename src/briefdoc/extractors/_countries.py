"""Countries: names (CLDR via Babel), common variants, capitals and nationality adjectives.

The capital / adjective table is a general list written for all countries
commonly in the news, not for any one article.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ISO code: (nationality adjectives / plural demonyms, capitals or seats of government)
_TABLE = """
AF Afghan|Afghans : Kabul
AL Albanian|Albanians : Tirana
DZ Algerian|Algerians : Algiers
AO Angolan|Angolans : Luanda
AR Argentine|Argentinian|Argentinians|Argentines : Buenos Aires
AM Armenian|Armenians : Yerevan
AU Australian|Australians : Canberra
AT Austrian|Austrians : Vienna
AZ Azerbaijani|Azeri|Azerbaijanis|Azeris : Baku
BH Bahraini|Bahrainis : Manama
BD Bangladeshi|Bangladeshis : Dhaka
BY Belarusian|Belarusians : Minsk
BE Belgian|Belgians : Brussels
BO Bolivian|Bolivians : La Paz|Sucre
BA Bosnian|Bosnians : Sarajevo
BR Brazilian|Brazilians : Brasilia|Brasília
BG Bulgarian|Bulgarians : Sofia
KH Cambodian|Cambodians : Phnom Penh
CM Cameroonian|Cameroonians : Yaounde|Yaoundé
CA Canadian|Canadians : Ottawa
CL Chilean|Chileans : Santiago
CN Chinese : Beijing|Zhongnanhai
CO Colombian|Colombians : Bogota|Bogotá
HR Croatian|Croatians|Croat|Croats : Zagreb
CU Cuban|Cubans : Havana
CY Cypriot|Cypriots : Nicosia
CZ Czech|Czechs : Prague
DK Danish|Danes : Copenhagen
DO Dominican|Dominicans : Santo Domingo
EC Ecuadorian|Ecuadorians : Quito
EG Egyptian|Egyptians : Cairo
SV Salvadoran|Salvadorans : San Salvador
EE Estonian|Estonians : Tallinn
ET Ethiopian|Ethiopians : Addis Ababa
FI Finnish|Finns : Helsinki
FR French : Paris|Élysée|Elysee|Élysée Palace|Elysee Palace|Quai d'Orsay
GE Georgian|Georgians : Tbilisi
DE German|Germans : Berlin
GH Ghanaian|Ghanaians : Accra
GR Greek|Greeks : Athens
GT Guatemalan|Guatemalans : Guatemala City
HT Haitian|Haitians : Port-au-Prince
HN Honduran|Hondurans : Tegucigalpa
HU Hungarian|Hungarians : Budapest
IS Icelandic|Icelanders : Reykjavik
IN Indian|Indians : New Delhi|Delhi
ID Indonesian|Indonesians : Jakarta
IR Iranian|Iranians : Tehran
IQ Iraqi|Iraqis : Baghdad
IE Irish : Dublin
IL Israeli|Israelis : Jerusalem
IT Italian|Italians : Rome
CI Ivorian|Ivorians : Yamoussoukro|Abidjan
JM Jamaican|Jamaicans : Kingston
JP Japanese : Tokyo
JO Jordanian|Jordanians : Amman
KZ Kazakh|Kazakhstani|Kazakhs : Astana
KE Kenyan|Kenyans : Nairobi
XK Kosovar|Kosovars : Pristina
KW Kuwaiti|Kuwaitis : Kuwait City
KG Kyrgyz : Bishkek
LA Laotian|Lao : Vientiane
LV Latvian|Latvians : Riga
LB Lebanese : Beirut
LY Libyan|Libyans : Tripoli
LT Lithuanian|Lithuanians : Vilnius
LU Luxembourgish : Luxembourg
MY Malaysian|Malaysians : Kuala Lumpur
ML Malian|Malians : Bamako
MX Mexican|Mexicans : Mexico City
MD Moldovan|Moldovans : Chisinau|Chișinău
MN Mongolian|Mongolians : Ulaanbaatar
ME Montenegrin|Montenegrins : Podgorica
MA Moroccan|Moroccans : Rabat
MZ Mozambican|Mozambicans : Maputo
MM Burmese|Myanmar : Naypyidaw|Naypyitaw
NP Nepalese|Nepali : Kathmandu
NL Dutch : Amsterdam|The Hague
NZ New Zealand|New Zealanders : Wellington
NI Nicaraguan|Nicaraguans : Managua
NE Nigerien|Nigeriens : Niamey
NG Nigerian|Nigerians : Abuja
KP North Korean|North Koreans : Pyongyang
MK Macedonian|North Macedonian|Macedonians : Skopje
NO Norwegian|Norwegians : Oslo
OM Omani|Omanis : Muscat
PK Pakistani|Pakistanis : Islamabad
PS Palestinian|Palestinians : Ramallah
PA Panamanian|Panamanians : Panama City
PY Paraguayan|Paraguayans : Asuncion|Asunción
PE Peruvian|Peruvians : Lima
PH Filipino|Philippine|Filipinos : Manila
PL Polish|Poles : Warsaw
PT Portuguese : Lisbon
QA Qatari|Qataris : Doha
RO Romanian|Romanians : Bucharest
RU Russian|Russians : Moscow|Kremlin
RW Rwandan|Rwandans : Kigali
SA Saudi|Saudis : Riyadh
SN Senegalese : Dakar
RS Serbian|Serbs|Serb : Belgrade
SG Singaporean|Singaporeans :
SK Slovak|Slovakian|Slovaks : Bratislava
SI Slovenian|Slovene|Slovenians : Ljubljana
SO Somali|Somalis : Mogadishu
ZA South African|South Africans : Pretoria
KR South Korean|South Koreans : Seoul
SS South Sudanese : Juba
ES Spanish|Spaniards : Madrid
LK Sri Lankan|Sri Lankans : Colombo
SD Sudanese : Khartoum
SE Swedish|Swedes : Stockholm
CH Swiss : Bern
SY Syrian|Syrians : Damascus
TW Taiwanese : Taipei
TJ Tajik|Tajiks : Dushanbe
TZ Tanzanian|Tanzanians : Dodoma
TH Thai : Bangkok
TN Tunisian|Tunisians : Tunis
TR Turkish|Turks : Ankara
TM Turkmen : Ashgabat
UG Ugandan|Ugandans : Kampala
UA Ukrainian|Ukrainians : Kyiv|Kiev
AE Emirati|Emiratis : Abu Dhabi
GB British|Britons : London|Downing Street|Westminster|Whitehall
US American|Americans : Washington|White House|Pentagon|Foggy Bottom
UY Uruguayan|Uruguayans : Montevideo
UZ Uzbek|Uzbeks : Tashkent
VE Venezuelan|Venezuelans : Caracas
VN Vietnamese : Hanoi
YE Yemeni|Yemenis : Sanaa|Sana'a
ZM Zambian|Zambians : Lusaka
ZW Zimbabwean|Zimbabweans : Harare
"""

# Common English names besides CLDR's.
_VARIANTS = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "TR": ["Turkey"],
    "MM": ["Burma", "Myanmar"],
    "CZ": ["Czech Republic"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"],
    "BA": ["Bosnia"],
    "HK": ["Hong Kong"],
    "MO": ["Macau", "Macao"],
    "TL": ["East Timor"],
    "SZ": ["Swaziland"],
    "PS": ["Palestine"],
    "KR": ["Republic of Korea"],
    "KP": ["DPRK"],
    "VA": ["Vatican", "Holy See"],
    "MK": ["Macedonia"],
    "AE": ["UAE", "U.A.E."],
}

# Parts of a state that news names as places of that state, where that is not contested, and that
# CLDR does not list (name or adjective -> the state's code). Contested territories (Crimea,
# Nagorno-Karabakh, Kosovo, Taiwan, Western Sahara) are not here: they stay what they are.
# ("English" is a language as often as a nationality: not here.)
_PARTS = {
    "GB": (["Northern Ireland", "Scotland", "Wales", "England"], ["Scottish", "Welsh", "Northern Irish", "Scots"]),
}

# International bodies that news names as actors: (name, other names and abbreviations). The
# institutions of a body are named with its short name in front ("UN Security Council", "EU
# Commission") or are listed here (the European Commission is the EU's executive).
_BODIES = (
    ("European Union", ["EU", "E.U."], ["European Commission", "European Council", "European Parliament",
                                       "Council of the European Union", "Council of the EU"]),
    ("United Nations", ["UN", "U.N."], ["Security Council", "General Assembly", "Human Rights Council"]),
    ("NATO", ["Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"], []),
    ("African Union", ["AU"], ["African Union Commission"]),
    ("International Atomic Energy Agency", ["IAEA"], []),
    ("Association of Southeast Asian Nations", ["ASEAN", "Asean"], []),
    ("OPEC", ["Opec", "Organization of the Petroleum Exporting Countries"], []),
    ("World Health Organization", ["WHO", "World Health Organisation"], []),
    ("International Monetary Fund", ["IMF"], []),
    ("Organization for Security and Co-operation in Europe", ["OSCE"], []),
    ("Arab League", ["League of Arab States"], []),
)

# Seats of an international body that news uses for the body, not for the host country
# ("Brussels and London agreed"): seat -> body.
_SEATS = {"brussels": "European Union"}

_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ"}

# Territory names that are also common words or first names.
_AMBIGUOUS = {"Jersey", "Georgia", "Chad", "Jordan", "Guernsey", "Niger", "Turkey", "Man", "Martin"}


# Country names that are also the name of a U.S. state, with the state's postal abbreviations
# ("Sen. X (R-Ga.)") and the words that tell the country in its own news (its capital, its region).
_US_STATES = {"Georgia": ({"ga.", "ga"}, {"tbilisi", "caucasus", "abkhazia", "ossetia", "batumi", "georgians"})}


def us_state_homonym(text: str):
    """(the state's abbreviations, the country's own words) for a country name that is also a
    U.S. state's ("Georgia"), else None."""
    return _US_STATES.get(text.strip())


def _unaccented(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    s = _unaccented(text).lower()
    s = re.sub(r"[’'`]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(name -> code, capital -> code, adjective -> code, code -> display name); keys lowercased."""
    import babel

    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for code, name in babel.Locale("en").territories.items():
        if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
            continue
        short = re.sub(r"\s*\(.*?\)", "", name).strip()
        display[code] = short if " - " not in short else name
        for n in {name, short}:
            if " - " in n:
                continue
            # "Bosnia & Herzegovina" is written "Bosnia and Herzegovina", "St. Lucia" "Saint Lucia",
            # "São Tomé" also "Sao Tome"
            for form in {n, n.replace(" & ", " and ")}:
                for f in {form, form.replace("St. ", "Saint "), _unaccented(form)}:
                    names.setdefault(f.lower(), code)
    display["TR"] = "Turkey"
    display["CZ"] = "Czech Republic"
    for code, vs in _VARIANTS.items():
        for v in vs:
            names.setdefault(v.lower(), code)
            if v.lower().startswith("the "):
                names.setdefault(v.lower()[4:], code)
    capitals: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for code, (parts, adjs) in _PARTS.items():
        for n in parts:
            names.setdefault(n.lower(), code)
        for a in adjs:
            adjectives.setdefault(a.lower(), code)
    for line in _TABLE.strip().splitlines():
        code, rest = line.split(" ", 1)
        adj, _, caps = rest.partition(":")
        for a in adj.split("|"):
            if a.strip():
                adjectives[a.strip().lower()] = code
        for c in caps.split("|"):
            if c.strip():
                capitals[c.strip().lower()] = code
    return names, capitals, adjectives, display


def country_of_name(text: str) -> str | None:
    names = tables()[0]
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    return names.get(t.lower())


def country_of_capital(text: str) -> str | None:
    return tables()[1].get(text.strip().lower())


def country_of_adjective(text: str) -> str | None:
    return tables()[2].get(text.strip().lower())


def display_name(code: str) -> str:
    return tables()[3].get(code, code)


def capital_name(code: str) -> str | None:
    """The first capital listed for the country (used as an alias)."""
    for cap, c in tables()[1].items():
        if c == code:
            return cap
    return None


def is_ambiguous(text: str) -> bool:
    return text in _AMBIGUOUS


@lru_cache(maxsize=1)
def _bodies() -> tuple[dict[str, str], dict[str, str]]:
    """(lowercased name or abbreviation -> body name, lowercased short name -> body name)."""
    names: dict[str, str] = {}
    short: dict[str, str] = {}
    for name, others, _parts in _BODIES:
        for n in [name, *others]:
            names[n.lower()] = name
            if n.replace(".", "").isupper() and len(n.replace(".", "")) <= 5:
                short[n.lower()] = name
    return names, short


def body_of_name(text: str) -> str | None:
    """The international body a name stands for ("EU", "the European Union", "U.N."), by its
    own name."""
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    return _bodies()[0].get(t.lower())


def body_of_part(text: str) -> str | None:
    """The international body an institution belongs to: one listed as its part ("European
    Commission", "the Security Council"), or one whose short name comes first ("UN Security
    Council", "U.N. General Assembly", "EU Commission")."""
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    for name, _others, parts in _BODIES:
        if any(t.lower() == p.lower() for p in parts):
            return name
    first = t.split(" ", 1)
    if len(first) == 2 and first[0].lower() in _bodies()[1] and first[1][:1].isupper():
        return _bodies()[1][first[0].lower()]
    return None


def body_of_seat(text: str) -> str | None:
    """The international body a seat stands for ("Brussels": the European Union)."""
    return _SEATS.get(text.strip().lower())


def is_part(text: str) -> bool:
    """A name or adjective of a part of a state ("Scotland", "Welsh"), not of the state itself."""
    low = text.strip().lower()
    return any(low in {w.lower() for w in parts + adjs} for parts, adjs in _PARTS.values())
