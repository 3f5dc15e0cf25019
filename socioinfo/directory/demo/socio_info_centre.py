"""Brno's Socio-info Centre: the one real organisation in the demo data.

Facts are from the EUROCITIES case study "Brno – Socio-info Centre and website: barrier-free
access to advice and information" (the project's seed document 000): opened in autumn 2009 at
the city's municipal offices in the middle of the city, barrier-free with an induction loop and
an internet booth with an adjustable table, information and advice on social services, help in
crisis situations, referrals; 2,284 enquiries in 2010; phones +420 542 173 830 and
+420 542 173 820; website socialnipece.brno.cz. Staff names and personal e-mail addresses in
the document are left out on purpose. The street address (the New Town Hall,
Dominikánské náměstí 1) and the opening hours are the demo's assumptions: the document gives
neither, and staff confirm them in the admin.
"""

ORGANISATION_NAME = "Socio info centrum – Statutární město Brno"
# The statutory city of Brno (IČO 44992785) runs the centre.
CITY_OF_BRNO_ICO = "44992785"
WEBSITE = "https://socialnipece.brno.cz"
PHONES = (
    ("+420 542 173 830", "Socio info centrum", "Socio-info Centre"),
    ("+420 542 173 820", "Socio info centrum", "Socio-info Centre"),
)
STREET, HOUSE_NUMBER = "Dominikánské náměstí", "1"
POSTCODE = "60200"
# A point at the New Town Hall in Brno-střed.
LATITUDE, LONGITUDE = 49.19347, 16.60670

DESCRIPTION = {
    "cs": (
        "Socio info centrum je bezbariérové informační a poradenské místo města Brna pro "
        "všechny, kdo hledají sociální službu nebo radu v těžké životní situaci. Otevřelo "
        "na podzim 2009 v budově Magistrátu města Brna v centru města. Pracovníci poskytují "
        "informace o sociálních službách v Brně a poradenství přímo na místě, po telefonu i "
        "přes internet, zprostředkují kontakt na vhodnou organizaci a pomohou řešit krizové "
        "situace. Centrum je vybaveno indukční smyčkou pro nedoslýchavé a internetovým "
        "koutkem se stolem nastavitelné výšky. Nejčastěji sem přicházejí senioři a lidé s "
        "finančními problémy; v roce 2010 centrum vyřídilo 2 284 dotazů. Spolu s webem "
        "socialnipece.brno.cz, který obsahuje centrální databázi organizací sociálních "
        "služeb v Brně a slouží komunitnímu plánování, vzniklo z komunitního plánování "
        "sociálních služeb, které ukázalo, že lidé o dostupných službách často nevědí."
    ),
    "en": (
        "Brno's innovative Socio-info Centre and the associated website provide citizens with "
        "easy access to up-to-date information and advice on social services in Brno. Opened "
        "in autumn 2009, the centre is sited at Brno's municipal offices in the middle of the "
        "city. It offers social services information and advice, both from the staff "
        "themselves and via telephone links, internet access and referrals to other relevant "
        "organisations, and professional help to resolve crisis situations. It is "
        "barrier-free, with an induction loop for people with impaired hearing and an "
        "internet access booth with an adjustable table height. The most frequent visitors "
        "are retired senior citizens and people with financial problems; in 2010 the staff "
        "handled 2,284 client enquiries."
    ),
}

SERVICE_NAME = {
    "cs": "Socio info centrum – informace a poradenství o sociálních službách",
    "en": "Socio-info Centre – information and advice on social services",
}
SERVICE_DESCRIPTION = {
    "cs": (
        "Nevíte, kam se obrátit? Přijďte, zavolejte nebo napište. Pomůžeme vám zorientovat se "
        "v sociálních službách v Brně, najít tu pravou a domluvit se s ní; poradíme v krizové "
        "situaci. Bez objednání, zdarma a bezbariérově."
    ),
    "en": (
        "Not sure where to turn? Come in, call or write. We help you find your way among "
        "Brno's social services, choose the right one and get in touch with it, and we "
        "advise you in a crisis. No appointment needed, free of charge, barrier-free."
    ),
}
SERVICE_ELIGIBILITY = {
    "cs": "Pro kohokoli z Brna a okolí, pro lidi v nesnázích i jejich blízké.",
    "en": "For anyone from Brno and the surrounding area, people in difficulty and their families.",
}
ACCESSIBILITY_NOTES = {
    "cs": (
        "Bezbariérový vstup, indukční smyčka pro nedoslýchavé, internetový koutek se stolem "
        "nastavitelné výšky."
    ),
    "en": (
        "Step-free entrance, induction loop for people with impaired hearing, internet booth "
        "with an adjustable table."
    ),
}
ACCESSIBILITY_FEATURES = ("wheelchair", "induction-loop", "accessible-toilet", "lift")
