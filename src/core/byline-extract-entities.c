/* byline-extract-entities.c: the entities extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Named entities of English news (OntoNotes labels) by rules over the core
 * tokenizer's tokens and the gazetteers in data/gazetteers/, bundled as
 * resources. The text is tokenized once; each token gets its normalized
 * text (’ as '), a few flags and its lexicon entry; then four passes fill
 * one "taken" mark per token, so that no two suggestions overlap and a
 * stronger rule is never overridden by a weaker one:
 *
 * 1. Patterns: MONEY ($1.5 billion, 1 million yuan, €20), PERCENT (3%,
 *    3 percent), QUANTITY (5 kilometers), TIME (10:30 a.m., noon,
 *    Wednesday night) and DATE (April 24 to 26, April 2024, 2023, last
 *    June, this week, three-day, Wednesday), so that their numbers are
 *    never CARDINAL too.
 * 2. Names: the longest gazetteer phrase (case-sensitive: "WHO" is the
 *    organisation, "Who" is not); a country or nationality before a
 *    government body is one ORG ("US State Department"); a title
 *    ("Secretary of State") makes a PERSON of the names after it, without
 *    the title; a known given name with a surname ("Antony Blinken"), or an
 *    East Asian family name with a given name ("Xi Jinping", "Wang Yi"), is
 *    a PERSON. Each person's surname (or family name) is remembered.
 * 3. ORDINAL and CARDINAL on what is left.
 * 4. The remembered surnames wherever they stand ("Blinken", "Blinken’s"
 *    even before the full name), then the remaining capitalised sequences,
 *    guessed from their last word (…University: ORG, …River: LOC, …Act:
 *    LAW) or from their shape (two or three name-like words: PERSON), with
 *    a low confidence. A word that starts a sentence is dropped from a
 *    sequence when it is a function word or the text also writes it in
 *    lowercase ("The", "But", "Data").
 *
 * Confidence: 0.9–0.95 for gazetteer and pattern hits, 0.8–0.85 for names
 * found by their shape around a known word, 0.4–0.6 for guesses.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-core-resources.h"
#include "byline-suggest.h"
#include "byline-tokenizer.h"

#define GAZETTEER_PATH "/io/github/byline/Byline/gazetteers/"
#define MAX_PHRASE     10   /* tokens in the longest gazetteer entry looked for */
#define MAX_RUN        8    /* tokens in a guessed capitalised sequence */

/* {{{ Kinds */

typedef enum
{
  K_NONE,
  K_PERSON,
  K_NORP,
  K_FAC,
  K_ORG,
  K_GPE,
  K_LOC,
  K_PRODUCT,
  K_EVENT,
  K_WORK_OF_ART,
  K_LAW,
  K_LANGUAGE,
  K_DATE,
  K_TIME,
  K_PERCENT,
  K_MONEY,
  K_QUANTITY,
  K_ORDINAL,
  K_CARDINAL,
  K_TITLE,   /* no label: a title before a PERSON, never guessed as a name */
  K_BODY,    /* an ORG that a GPE or NORP right before it joins */
  K_SKIP,    /* no label: looked at and left out */
} Kind;

static const char * const kind_labels[] = {
  NULL, "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
  "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY",
  "QUANTITY", "ORDINAL", "CARDINAL", NULL, "ORG", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == K_SKIP + 1);

/* }}} */
/* {{{ Lexicon */

enum
{
  W_STOP        = 1u << 0,   /* function words: never a name */
  W_MONTH       = 1u << 1,   /* value: 1–12 */
  W_MONTH_AMBIG = 1u << 2,   /* March, April, May, June: a date only with context */
  W_WEEKDAY     = 1u << 3,
  W_NUM         = 1u << 4,   /* number words; num: the value */
  W_SCALE       = 1u << 5,   /* hundred, million, bn; num: the factor */
  W_VAGUE       = 1u << 6,   /* dozens, hundreds, thousands */
  W_ORDINAL     = 1u << 7,   /* first, second…; value */
  W_CURRENCY    = 1u << 8,   /* dollars, yuan, USD: after a number */
  W_CUR_SYMBOL  = 1u << 9,   /* $ € £ ¥: before a number */
  W_CUR_PREFIX  = 1u << 10,  /* US HK C A NZ S: right before $ */
  W_UNIT        = 1u << 11,  /* kilometers, tons, barrels */
  W_PERCENT     = 1u << 12,  /* % percent pct */
  W_DATE_UNIT   = 1u << 13,  /* day, weeks, year, decade, quarter */
  W_TIME_UNIT   = 1u << 14,  /* hour, minutes, seconds */
  W_DAYPART     = 1u << 15,  /* morning, afternoon, evening, night */
  W_SEASON      = 1u << 16,
  W_REL         = 1u << 17,  /* last, next, this, past, coming, previous */
  W_EDGE        = 1u << 18,  /* early, mid, late, earlier, later */
  W_DATE_PREP   = 1u << 19,  /* in, since, until, by, during: before a bare month */
  W_AMPM        = 1u << 20,
  W_TZ          = 1u << 21,
  W_RANGE       = 1u << 22,  /* to, through, until, - – —: joins the ends of a range */
  W_CONNECT     = 1u << 23,  /* of, for, and, &, de: inside a capitalised sequence */
  W_PARTICLE    = 1u << 24,  /* bin, al, de, van, von: inside a person's name */
  W_NAME_SUFFIX = 1u << 25,  /* Jr., Sr., II, III */
  W_REPORT      = 1u << 26,  /* said, told: a guessed single name before it is a person */
  W_LANG_CUE    = 1u << 27,  /* in, speak, fluent: before a language */
  W_ACRONYM     = 1u << 28,  /* capitals that name no organisation: AI, GDP, CEO */
  W_NOT_NAME    = 1u << 29,  /* capitalised words that name nothing alone */
  W_TIME_WORD   = 1u << 30,  /* noon, midnight, recent: only a pattern looks at them */
};

/* What a capitalised sequence's last word (SUF) or first word (HEAD)
 * says about it. */
typedef enum
{
  S_NONE,
  S_ORG,
  S_FAC,
  S_LOC,
  S_GPE,
  S_EVENT,
  S_LAW,
} Shape;

typedef struct
{
  guint32 classes;
  gint16  value;       /* month, weekday, ordinal */
  guint8  suffix;      /* Shape of a sequence that ends with the word */
  guint8  head;        /* Shape of a sequence that starts with the word */
  double  num;         /* number words and scales */
} WordInfo;

typedef struct
{
  const char *word;
  guint32     classes;
  double      num;
} LexEntry;

static const LexEntry lexicon[] = {
  /* months and weekdays (the value is their number) */
  { "January", W_MONTH, 1 }, { "Jan.", W_MONTH, 1 }, { "Jan", W_MONTH, 1 },
  { "February", W_MONTH, 2 }, { "Feb.", W_MONTH, 2 }, { "Feb", W_MONTH, 2 },
  { "March", W_MONTH | W_MONTH_AMBIG, 3 }, { "Mar.", W_MONTH, 3 },
  { "April", W_MONTH | W_MONTH_AMBIG, 4 }, { "Apr.", W_MONTH, 4 }, { "Apr", W_MONTH, 4 },
  { "May", W_MONTH | W_MONTH_AMBIG, 5 },
  { "June", W_MONTH | W_MONTH_AMBIG, 6 }, { "Jun.", W_MONTH, 6 },
  { "July", W_MONTH, 7 }, { "Jul.", W_MONTH, 7 },
  { "August", W_MONTH, 8 }, { "Aug.", W_MONTH, 8 }, { "Aug", W_MONTH, 8 },
  { "September", W_MONTH, 9 }, { "Sept.", W_MONTH, 9 }, { "Sep.", W_MONTH, 9 },
  { "Sept", W_MONTH, 9 }, { "October", W_MONTH, 10 }, { "Oct.", W_MONTH, 10 },
  { "Oct", W_MONTH, 10 }, { "November", W_MONTH, 11 }, { "Nov.", W_MONTH, 11 },
  { "Nov", W_MONTH, 11 }, { "December", W_MONTH, 12 }, { "Dec.", W_MONTH, 12 },
  { "Dec", W_MONTH, 12 },
  { "Monday", W_WEEKDAY, 1 }, { "Tuesday", W_WEEKDAY, 2 }, { "Wednesday", W_WEEKDAY, 3 },
  { "Thursday", W_WEEKDAY, 4 }, { "Friday", W_WEEKDAY, 5 }, { "Saturday", W_WEEKDAY, 6 },
  { "Sunday", W_WEEKDAY, 7 },

  /* numbers */
  { "zero", W_NUM, 0 }, { "one", W_NUM, 1 }, { "two", W_NUM, 2 }, { "three", W_NUM, 3 },
  { "four", W_NUM, 4 }, { "five", W_NUM, 5 }, { "six", W_NUM, 6 }, { "seven", W_NUM, 7 },
  { "eight", W_NUM, 8 }, { "nine", W_NUM, 9 }, { "ten", W_NUM, 10 }, { "eleven", W_NUM, 11 },
  { "twelve", W_NUM, 12 }, { "thirteen", W_NUM, 13 }, { "fourteen", W_NUM, 14 },
  { "fifteen", W_NUM, 15 }, { "sixteen", W_NUM, 16 }, { "seventeen", W_NUM, 17 },
  { "eighteen", W_NUM, 18 }, { "nineteen", W_NUM, 19 }, { "twenty", W_NUM, 20 },
  { "thirty", W_NUM, 30 }, { "forty", W_NUM, 40 }, { "fifty", W_NUM, 50 },
  { "sixty", W_NUM, 60 }, { "seventy", W_NUM, 70 }, { "eighty", W_NUM, 80 },
  { "ninety", W_NUM, 90 },
  { "hundred", W_SCALE, 1e2 }, { "thousand", W_SCALE, 1e3 }, { "million", W_SCALE, 1e6 },
  { "billion", W_SCALE, 1e9 }, { "trillion", W_SCALE, 1e12 }, { "dozen", W_SCALE, 12 },
  { "bn", W_SCALE, 1e9 }, { "mn", W_SCALE, 1e6 }, { "tn", W_SCALE, 1e12 },
  { "trn", W_SCALE, 1e12 }, { "crore", W_SCALE, 1e7 }, { "lakh", W_SCALE, 1e5 },
  { "dozens", W_VAGUE, 0 }, { "hundreds", W_VAGUE, 0 }, { "thousands", W_VAGUE, 0 },
  { "millions", W_VAGUE, 0 }, { "billions", W_VAGUE, 0 }, { "trillions", W_VAGUE, 0 },
  { "tens", W_VAGUE, 0 },
  { "first", W_ORDINAL, 1 }, { "second", W_ORDINAL | W_TIME_UNIT, 2 }, { "third", W_ORDINAL, 3 },
  { "fourth", W_ORDINAL, 4 }, { "fifth", W_ORDINAL, 5 }, { "sixth", W_ORDINAL, 6 },
  { "seventh", W_ORDINAL, 7 }, { "eighth", W_ORDINAL, 8 }, { "ninth", W_ORDINAL, 9 },
  { "tenth", W_ORDINAL, 10 }, { "eleventh", W_ORDINAL, 11 }, { "twelfth", W_ORDINAL, 12 },
  { "thirteenth", W_ORDINAL, 13 }, { "fourteenth", W_ORDINAL, 14 },
  { "fifteenth", W_ORDINAL, 15 }, { "sixteenth", W_ORDINAL, 16 },
  { "seventeenth", W_ORDINAL, 17 }, { "eighteenth", W_ORDINAL, 18 },
  { "nineteenth", W_ORDINAL, 19 }, { "twentieth", W_ORDINAL, 20 },
  { "thirtieth", W_ORDINAL, 30 }, { "fortieth", W_ORDINAL, 40 }, { "fiftieth", W_ORDINAL, 50 },
  { "sixtieth", W_ORDINAL, 60 }, { "seventieth", W_ORDINAL, 70 },
  { "eightieth", W_ORDINAL, 80 }, { "ninetieth", W_ORDINAL, 90 },
  { "hundredth", W_ORDINAL, 100 }, { "thousandth", W_ORDINAL, 1000 },
  { "millionth", W_ORDINAL, 1000000 },

  /* money and percentages */
  { "dollar", W_CURRENCY }, { "dollars", W_CURRENCY }, { "cent", W_CURRENCY },
  { "cents", W_CURRENCY }, { "euro", W_CURRENCY }, { "euros", W_CURRENCY },
  { "sterling", W_CURRENCY }, { "yen", W_CURRENCY }, { "yuan", W_CURRENCY },
  { "renminbi", W_CURRENCY }, { "rupee", W_CURRENCY }, { "rupees", W_CURRENCY },
  { "ruble", W_CURRENCY }, { "rubles", W_CURRENCY }, { "rouble", W_CURRENCY },
  { "roubles", W_CURRENCY }, { "won", W_CURRENCY }, { "peso", W_CURRENCY },
  { "pesos", W_CURRENCY }, { "franc", W_CURRENCY }, { "francs", W_CURRENCY },
  { "lira", W_CURRENCY }, { "dinar", W_CURRENCY }, { "dinars", W_CURRENCY },
  { "riyal", W_CURRENCY }, { "riyals", W_CURRENCY }, { "rial", W_CURRENCY },
  { "rials", W_CURRENCY }, { "dirham", W_CURRENCY }, { "dirhams", W_CURRENCY },
  { "shekel", W_CURRENCY }, { "shekels", W_CURRENCY }, { "hryvnia", W_CURRENCY },
  { "hryvnias", W_CURRENCY }, { "rand", W_CURRENCY }, { "naira", W_CURRENCY },
  { "baht", W_CURRENCY }, { "ringgit", W_CURRENCY }, { "rupiah", W_CURRENCY },
  { "krona", W_CURRENCY }, { "kronor", W_CURRENCY }, { "krone", W_CURRENCY },
  { "kroner", W_CURRENCY }, { "zloty", W_CURRENCY }, { "forint", W_CURRENCY },
  { "reais", W_CURRENCY }, { "bitcoin", W_CURRENCY }, { "bitcoins", W_CURRENCY },
  { "USD", W_CURRENCY }, { "EUR", W_CURRENCY }, { "GBP", W_CURRENCY }, { "JPY", W_CURRENCY },
  { "CNY", W_CURRENCY }, { "RMB", W_CURRENCY }, { "INR", W_CURRENCY }, { "RUB", W_CURRENCY },
  { "CHF", W_CURRENCY }, { "KRW", W_CURRENCY }, { "HKD", W_CURRENCY }, { "AUD", W_CURRENCY },
  { "CAD", W_CURRENCY },
  { "$", W_CUR_SYMBOL }, { "€", W_CUR_SYMBOL }, { "£", W_CUR_SYMBOL }, { "¥", W_CUR_SYMBOL },
  { "₹", W_CUR_SYMBOL }, { "₩", W_CUR_SYMBOL }, { "₽", W_CUR_SYMBOL }, { "₺", W_CUR_SYMBOL },
  { "₪", W_CUR_SYMBOL }, { "₴", W_CUR_SYMBOL }, { "₦", W_CUR_SYMBOL }, { "฿", W_CUR_SYMBOL },
  { "US", W_CUR_PREFIX }, { "HK", W_CUR_PREFIX }, { "C", W_CUR_PREFIX }, { "A", W_CUR_PREFIX },
  { "NZ", W_CUR_PREFIX }, { "S", W_CUR_PREFIX }, { "NT", W_CUR_PREFIX }, { "R", W_CUR_PREFIX },
  { "%", W_PERCENT }, { "percent", W_PERCENT }, { "pct", W_PERCENT }, { "‰", W_PERCENT },

  /* quantities */
  { "km", W_UNIT }, { "kilometer", W_UNIT }, { "kilometers", W_UNIT }, { "kilometre", W_UNIT },
  { "kilometres", W_UNIT }, { "mile", W_UNIT }, { "miles", W_UNIT }, { "meter", W_UNIT },
  { "meters", W_UNIT }, { "metre", W_UNIT }, { "metres", W_UNIT }, { "cm", W_UNIT },
  { "mm", W_UNIT }, { "centimeters", W_UNIT }, { "centimetres", W_UNIT },
  { "millimeters", W_UNIT }, { "millimetres", W_UNIT }, { "feet", W_UNIT }, { "foot", W_UNIT },
  { "ft", W_UNIT }, { "inch", W_UNIT }, { "inches", W_UNIT }, { "yard", W_UNIT },
  { "yards", W_UNIT }, { "kg", W_UNIT }, { "kilogram", W_UNIT }, { "kilograms", W_UNIT },
  { "kilos", W_UNIT }, { "gram", W_UNIT }, { "grams", W_UNIT }, { "ton", W_UNIT },
  { "tons", W_UNIT }, { "tonne", W_UNIT }, { "tonnes", W_UNIT }, { "pound", W_UNIT },
  { "pounds", W_UNIT }, { "lb", W_UNIT }, { "lbs", W_UNIT }, { "ounce", W_UNIT },
  { "ounces", W_UNIT }, { "oz", W_UNIT }, { "liter", W_UNIT }, { "liters", W_UNIT },
  { "litre", W_UNIT }, { "litres", W_UNIT }, { "gallon", W_UNIT }, { "gallons", W_UNIT },
  { "barrel", W_UNIT }, { "barrels", W_UNIT }, { "acre", W_UNIT }, { "acres", W_UNIT },
  { "hectare", W_UNIT }, { "hectares", W_UNIT }, { "degree", W_UNIT }, { "degrees", W_UNIT },
  { "mph", W_UNIT }, { "km/h", W_UNIT }, { "knots", W_UNIT }, { "megawatt", W_UNIT },
  { "megawatts", W_UNIT }, { "MW", W_UNIT }, { "gigawatt", W_UNIT }, { "gigawatts", W_UNIT },
  { "GW", W_UNIT }, { "kilowatt", W_UNIT }, { "kilowatts", W_UNIT }, { "kW", W_UNIT },
  { "kWh", W_UNIT }, { "MWh", W_UNIT }, { "GWh", W_UNIT }, { "TWh", W_UNIT },
  { "megatons", W_UNIT }, { "watts", W_UNIT }, { "volts", W_UNIT }, { "calories", W_UNIT },
  { "bytes", W_UNIT }, { "megabytes", W_UNIT }, { "gigabytes", W_UNIT },
  { "terabytes", W_UNIT }, { "GB", W_UNIT }, { "TB", W_UNIT }, { "MB", W_UNIT },
  { "nanometers", W_UNIT }, { "nanometres", W_UNIT }, { "nm", W_UNIT },
  { "light-years", W_UNIT }, { "bpd", W_UNIT }, { "sq", W_UNIT }, { "square", W_UNIT },
  { "cubic", W_UNIT }, { "metric", W_UNIT }, { "nautical", W_UNIT },

  /* dates and times */
  { "day", W_DATE_UNIT }, { "days", W_DATE_UNIT }, { "week", W_DATE_UNIT },
  { "weeks", W_DATE_UNIT }, { "month", W_DATE_UNIT }, { "months", W_DATE_UNIT },
  { "year", W_DATE_UNIT }, { "years", W_DATE_UNIT }, { "decade", W_DATE_UNIT },
  { "decades", W_DATE_UNIT }, { "century", W_DATE_UNIT }, { "centuries", W_DATE_UNIT },
  { "weekend", W_DATE_UNIT }, { "weekends", W_DATE_UNIT }, { "quarter", W_DATE_UNIT },
  { "quarters", W_DATE_UNIT }, { "fortnight", W_DATE_UNIT }, { "semester", W_DATE_UNIT },
  { "hour", W_TIME_UNIT }, { "hours", W_TIME_UNIT }, { "minute", W_TIME_UNIT },
  { "minutes", W_TIME_UNIT }, { "seconds", W_TIME_UNIT },
  { "morning", W_DAYPART }, { "afternoon", W_DAYPART }, { "evening", W_DAYPART },
  { "night", W_DAYPART },
  { "noon", W_TIME_WORD }, { "midnight", W_TIME_WORD }, { "midday", W_TIME_WORD },
  { "overnight", W_TIME_WORD }, { "recent", W_TIME_WORD },
  { "spring", W_SEASON }, { "summer", W_SEASON }, { "autumn", W_SEASON },
  { "fall", W_SEASON }, { "winter", W_SEASON },
  { "last", W_REL }, { "next", W_REL }, { "this", W_REL }, { "past", W_REL },
  { "coming", W_REL }, { "previous", W_REL },
  { "early", W_EDGE }, { "mid", W_EDGE }, { "late", W_EDGE }, { "earlier", W_EDGE },
  { "later", W_EDGE },
  { "in", W_DATE_PREP | W_LANG_CUE }, { "on", W_DATE_PREP | W_CONNECT }, { "since", W_DATE_PREP },
  { "until", W_DATE_PREP | W_RANGE }, { "till", W_DATE_PREP }, { "by", W_DATE_PREP },
  { "during", W_DATE_PREP }, { "from", W_DATE_PREP }, { "before", W_DATE_PREP },
  { "after", W_DATE_PREP }, { "through", W_DATE_PREP | W_RANGE },
  { "throughout", W_DATE_PREP }, { "between", W_DATE_PREP }, { "of", W_DATE_PREP | W_CONNECT },
  { "around", W_DATE_PREP }, { "to", W_RANGE },
  { "-", W_RANGE }, { "–", W_RANGE }, { "—", W_RANGE },
  { "a.m.", W_AMPM }, { "p.m.", W_AMPM }, { "am", W_AMPM }, { "pm", W_AMPM },
  { "AM", W_AMPM }, { "PM", W_AMPM }, { "A.M.", W_AMPM }, { "P.M.", W_AMPM },
  { "ET", W_TZ }, { "EST", W_TZ }, { "EDT", W_TZ }, { "CT", W_TZ }, { "CST", W_TZ },
  { "CDT", W_TZ }, { "PT", W_TZ }, { "PST", W_TZ }, { "PDT", W_TZ }, { "GMT", W_TZ },
  { "UTC", W_TZ }, { "BST", W_TZ }, { "CET", W_TZ }, { "CEST", W_TZ }, { "JST", W_TZ },
  { "KST", W_TZ }, { "HKT", W_TZ }, { "AEST", W_TZ },

  /* inside names */
  { "for", W_CONNECT }, { "and", W_CONNECT }, { "&", W_CONNECT },
  { "de", W_CONNECT | W_PARTICLE }, { "del", W_CONNECT | W_PARTICLE },
  { "la", W_CONNECT | W_PARTICLE }, { "du", W_CONNECT | W_PARTICLE },
  { "von", W_CONNECT | W_PARTICLE }, { "van", W_CONNECT | W_PARTICLE },
  { "der", W_CONNECT | W_PARTICLE }, { "da", W_PARTICLE }, { "di", W_PARTICLE },
  { "bin", W_PARTICLE }, { "bint", W_PARTICLE }, { "ibn", W_PARTICLE }, { "al", W_PARTICLE },
  { "el", W_PARTICLE }, { "den", W_PARTICLE }, { "dos", W_PARTICLE }, { "das", W_PARTICLE },
  { "le", W_PARTICLE }, { "ter", W_PARTICLE },
  { "Jr.", W_NAME_SUFFIX }, { "Jr", W_NAME_SUFFIX }, { "Sr.", W_NAME_SUFFIX },
  { "Sr", W_NAME_SUFFIX }, { "II", W_NAME_SUFFIX }, { "III", W_NAME_SUFFIX },
  { "IV", W_NAME_SUFFIX },

  { "said", W_REPORT }, { "says", W_REPORT }, { "told", W_REPORT }, { "added", W_REPORT },
  { "wrote", W_REPORT }, { "tweeted", W_REPORT }, { "posted", W_REPORT },
  { "stated", W_REPORT }, { "noted", W_REPORT }, { "argued", W_REPORT },
  { "warned", W_REPORT }, { "explained", W_REPORT }, { "insisted", W_REPORT },
  { "claimed", W_REPORT }, { "announced", W_REPORT }, { "replied", W_REPORT },

  { "into", W_LANG_CUE }, { "speak", W_LANG_CUE }, { "speaks", W_LANG_CUE },
  { "spoke", W_LANG_CUE }, { "speaking", W_LANG_CUE }, { "spoken", W_LANG_CUE },
  { "fluent", W_LANG_CUE }, { "translated", W_LANG_CUE },

  /* capitals that are no organisation */
  { "AI", W_ACRONYM }, { "GDP", W_ACRONYM }, { "CEO", W_ACRONYM }, { "CFO", W_ACRONYM },
  { "COO", W_ACRONYM }, { "CTO", W_ACRONYM }, { "EV", W_ACRONYM }, { "TV", W_ACRONYM },
  { "PC", W_ACRONYM }, { "ID", W_ACRONYM }, { "OK", W_ACRONYM }, { "DNA", W_ACRONYM },
  { "RNA", W_ACRONYM }, { "HIV", W_ACRONYM }, { "AIDS", W_ACRONYM }, { "COVID", W_ACRONYM },
  { "CPI", W_ACRONYM }, { "IPO", W_ACRONYM }, { "ETF", W_ACRONYM }, { "VAT", W_ACRONYM },
  { "GPS", W_ACRONYM }, { "USB", W_ACRONYM }, { "LNG", W_ACRONYM }, { "LGBT", W_ACRONYM },
  { "LGBTQ", W_ACRONYM }, { "UFO", W_ACRONYM }, { "WMD", W_ACRONYM }, { "VIP", W_ACRONYM },
  { "FAQ", W_ACRONYM }, { "PDF", W_ACRONYM }, { "URL", W_ACRONYM }, { "API", W_ACRONYM },
  { "PPE", W_ACRONYM }, { "ICU", W_ACRONYM }, { "NFT", W_ACRONYM }, { "IQ", W_ACRONYM },
  { "PR", W_ACRONYM }, { "HR", W_ACRONYM }, { "IT", W_ACRONYM }, { "NGO", W_ACRONYM },
  { "MP", W_ACRONYM }, { "MPs", W_ACRONYM }, { "MEP", W_ACRONYM }, { "PM", W_ACRONYM },
  { "UPDATE", W_ACRONYM }, { "BREAKING", W_ACRONYM }, { "WATCH", W_ACRONYM },
  { "READ", W_ACRONYM }, { "MORE", W_ACRONYM }, { "NEW", W_ACRONYM }, { "I", W_ACRONYM },
  { "II", W_ACRONYM }, { "III", W_ACRONYM }, { "Q&A", W_ACRONYM }, { "R&D", W_ACRONYM },
  { "CO2", W_ACRONYM }, { "GMT", W_ACRONYM }, { "UTC", W_ACRONYM }, { "ET", W_ACRONYM },
  { "AM", W_ACRONYM }, { "EU-wide", W_ACRONYM },

  /* function words and sentence openers: never a name alone */
  { "a", W_STOP }, { "about", W_STOP }, { "above", W_STOP }, { "according", W_STOP },
  { "across", W_STOP }, { "actually", W_STOP }, { "additionally", W_STOP },
  { "after", W_STOP }, { "afterwards", W_STOP }, { "again", W_STOP }, { "against", W_STOP },
  { "ago", W_STOP }, { "ahead", W_STOP }, { "all", W_STOP }, { "almost", W_STOP },
  { "along", W_STOP }, { "already", W_STOP }, { "also", W_STOP }, { "although", W_STOP },
  { "always", W_STOP }, { "amid", W_STOP }, { "among", W_STOP }, { "an", W_STOP },
  { "and", W_STOP }, { "another", W_STOP }, { "any", W_STOP }, { "anyone", W_STOP },
  { "anything", W_STOP }, { "are", W_STOP }, { "around", W_STOP }, { "as", W_STOP },
  { "asked", W_STOP }, { "at", W_STOP }, { "back", W_STOP }, { "be", W_STOP },
  { "because", W_STOP }, { "been", W_STOP }, { "before", W_STOP }, { "behind", W_STOP },
  { "being", W_STOP }, { "below", W_STOP }, { "besides", W_STOP }, { "between", W_STOP },
  { "beyond", W_STOP }, { "both", W_STOP }, { "but", W_STOP }, { "by", W_STOP },
  { "can", W_STOP }, { "could", W_STOP }, { "despite", W_STOP }, { "did", W_STOP },
  { "do", W_STOP }, { "does", W_STOP }, { "down", W_STOP }, { "during", W_STOP },
  { "each", W_STOP }, { "either", W_STOP }, { "else", W_STOP }, { "even", W_STOP },
  { "ever", W_STOP }, { "every", W_STOP }, { "everyone", W_STOP }, { "everything", W_STOP },
  { "except", W_STOP }, { "few", W_STOP }, { "finally", W_STOP }, { "following", W_STOP },
  { "for", W_STOP }, { "from", W_STOP }, { "further", W_STOP }, { "furthermore", W_STOP },
  { "given", W_STOP }, { "had", W_STOP }, { "has", W_STOP }, { "have", W_STOP },
  { "having", W_STOP }, { "he", W_STOP }, { "her", W_STOP }, { "here", W_STOP },
  { "hers", W_STOP }, { "herself", W_STOP }, { "him", W_STOP }, { "himself", W_STOP },
  { "his", W_STOP }, { "how", W_STOP }, { "however", W_STOP }, { "i", W_STOP },
  { "if", W_STOP }, { "in", W_STOP }, { "including", W_STOP }, { "indeed", W_STOP },
  { "instead", W_STOP }, { "into", W_STOP }, { "is", W_STOP }, { "it", W_STOP },
  { "its", W_STOP }, { "itself", W_STOP }, { "just", W_STOP }, { "least", W_STOP },
  { "less", W_STOP }, { "let", W_STOP }, { "like", W_STOP }, { "likely", W_STOP },
  { "many", W_STOP }, { "may", W_STOP }, { "maybe", W_STOP }, { "me", W_STOP },
  { "meanwhile", W_STOP }, { "might", W_STOP }, { "more", W_STOP }, { "moreover", W_STOP },
  { "most", W_STOP }, { "much", W_STOP }, { "must", W_STOP }, { "my", W_STOP },
  { "neither", W_STOP }, { "never", W_STOP }, { "nevertheless", W_STOP }, { "no", W_STOP },
  { "none", W_STOP }, { "nor", W_STOP }, { "not", W_STOP }, { "nothing", W_STOP },
  { "now", W_STOP }, { "of", W_STOP }, { "off", W_STOP }, { "often", W_STOP },
  { "on", W_STOP }, { "once", W_STOP }, { "only", W_STOP }, { "or", W_STOP },
  { "other", W_STOP }, { "others", W_STOP }, { "otherwise", W_STOP }, { "our", W_STOP },
  { "out", W_STOP }, { "over", W_STOP }, { "overall", W_STOP }, { "perhaps", W_STOP },
  { "please", W_STOP }, { "plus", W_STOP }, { "rather", W_STOP }, { "separately", W_STOP },
  { "several", W_STOP }, { "she", W_STOP }, { "should", W_STOP }, { "since", W_STOP },
  { "so", W_STOP }, { "some", W_STOP }, { "someone", W_STOP }, { "something", W_STOP },
  { "sometimes", W_STOP }, { "soon", W_STOP }, { "still", W_STOP }, { "such", W_STOP },
  { "than", W_STOP }, { "that", W_STOP }, { "the", W_STOP }, { "their", W_STOP },
  { "them", W_STOP }, { "then", W_STOP }, { "there", W_STOP }, { "therefore", W_STOP },
  { "these", W_STOP }, { "they", W_STOP }, { "this", W_STOP }, { "those", W_STOP },
  { "though", W_STOP }, { "through", W_STOP }, { "thus", W_STOP }, { "to", W_STOP },
  { "today", W_STOP }, { "together", W_STOP }, { "too", W_STOP }, { "under", W_STOP },
  { "unless", W_STOP }, { "unlike", W_STOP }, { "until", W_STOP }, { "up", W_STOP },
  { "upon", W_STOP }, { "us", W_STOP }, { "very", W_STOP }, { "via", W_STOP },
  { "was", W_STOP }, { "we", W_STOP }, { "well", W_STOP }, { "were", W_STOP },
  { "what", W_STOP }, { "whatever", W_STOP }, { "when", W_STOP }, { "where", W_STOP },
  { "whether", W_STOP }, { "which", W_STOP }, { "while", W_STOP }, { "who", W_STOP },
  { "whom", W_STOP }, { "whose", W_STOP }, { "why", W_STOP }, { "will", W_STOP },
  { "with", W_STOP }, { "within", W_STOP }, { "without", W_STOP }, { "would", W_STOP },
  { "yes", W_STOP }, { "yet", W_STOP }, { "you", W_STOP }, { "your", W_STOP },
  { "officials", W_STOP }, { "critics", W_STOP }, { "experts", W_STOP },
  { "analysts", W_STOP }, { "sources", W_STOP }, { "residents", W_STOP },
  { "authorities", W_STOP }, { "speaking", W_STOP }, { "related", W_STOP },
  { "advertisement", W_STOP }, { "photo", W_STOP }, { "video", W_STOP },
  { "watch", W_STOP }, { "read", W_STOP }, { "updated", W_STOP }, { "breaking", W_STOP },
  { "exclusive", W_STOP }, { "opinion", W_STOP }, { "analysis", W_STOP },
  { "editor", W_STOP }, { "note", W_STOP }, { "mr", W_STOP }, { "yesterday", W_STOP },
  { "tomorrow", W_STOP }, { "tonight", W_STOP }, { "sir", W_STOP }, { "dear", W_STOP },
  { "hello", W_STOP }, { "thanks", W_STOP }, { "oh", W_STOP }, { "okay", W_STOP },

  /* capitalised on their own, naming nothing alone */
  { "Mr.", W_NOT_NAME }, { "Mrs.", W_NOT_NAME }, { "Ms.", W_NOT_NAME },
  { "Dr.", W_NOT_NAME }, { "St.", W_NOT_NAME }, { "No.", W_NOT_NAME },
  { "Internet", W_NOT_NAME }, { "Web", W_NOT_NAME }, { "God", W_NOT_NAME },
};

/* The shape of a capitalised sequence by its last word, or its first one
 * (a "head": University of…, Mount…, Hurricane…). */
typedef struct
{
  const char *word;
  guint8      suffix;
  guint8      head;
} ShapeEntry;

static const ShapeEntry shapes[] = {
  { "Inc.", S_ORG, 0 }, { "Inc", S_ORG, 0 }, { "Corp.", S_ORG, 0 }, { "Corp", S_ORG, 0 },
  { "Corporation", S_ORG, 0 }, { "Co.", S_ORG, 0 }, { "Company", S_ORG, 0 },
  { "Ltd", S_ORG, 0 }, { "Ltd.", S_ORG, 0 }, { "LLC", S_ORG, 0 }, { "LLP", S_ORG, 0 },
  { "PLC", S_ORG, 0 }, { "plc", S_ORG, 0 }, { "AG", S_ORG, 0 }, { "GmbH", S_ORG, 0 },
  { "SA", S_ORG, 0 }, { "Group", S_ORG, 0 }, { "Holdings", S_ORG, 0 },
  { "Bank", S_ORG, S_ORG }, { "Bancorp", S_ORG, 0 }, { "Capital", S_ORG, 0 },
  { "Partners", S_ORG, 0 }, { "Fund", S_ORG, 0 }, { "Foundation", S_ORG, 0 },
  { "Institute", S_ORG, S_ORG }, { "Institution", S_ORG, 0 },
  { "University", S_ORG, S_ORG }, { "College", S_ORG, S_ORG }, { "School", S_ORG, S_ORG },
  { "Academy", S_ORG, S_ORG }, { "Association", S_ORG, S_ORG }, { "Society", S_ORG, S_ORG },
  { "Council", S_ORG, S_ORG }, { "Committee", S_ORG, S_ORG }, { "Commission", S_ORG, S_ORG },
  { "Agency", S_ORG, S_ORG }, { "Authority", S_ORG, S_ORG }, { "Board", S_ORG, S_ORG },
  { "Bureau", S_ORG, S_ORG }, { "Department", S_ORG, S_ORG }, { "Ministry", S_ORG, S_ORG },
  { "Office", S_ORG, S_ORG }, { "Party", S_ORG, 0 }, { "Union", S_ORG, S_ORG },
  { "Federation", S_ORG, S_ORG }, { "League", S_ORG, S_ORG }, { "Alliance", S_ORG, 0 },
  { "Club", S_ORG, 0 }, { "Network", S_ORG, 0 }, { "News", S_ORG, 0 },
  { "Times", S_ORG, 0 }, { "Post", S_ORG, 0 }, { "Journal", S_ORG, 0 },
  { "Herald", S_ORG, 0 }, { "Tribune", S_ORG, 0 }, { "Gazette", S_ORG, 0 },
  { "Press", S_ORG, 0 }, { "Media", S_ORG, 0 }, { "Airlines", S_ORG, 0 },
  { "Airways", S_ORG, 0 }, { "Motors", S_ORG, 0 }, { "Technologies", S_ORG, 0 },
  { "Technology", S_ORG, 0 }, { "Systems", S_ORG, 0 }, { "Labs", S_ORG, 0 },
  { "Laboratories", S_ORG, 0 }, { "Pharmaceuticals", S_ORG, 0 }, { "Pharma", S_ORG, 0 },
  { "Energy", S_ORG, 0 }, { "Industries", S_ORG, 0 }, { "Enterprises", S_ORG, 0 },
  { "Solutions", S_ORG, 0 }, { "Services", S_ORG, 0 }, { "Securities", S_ORG, 0 },
  { "Church", S_ORG, S_ORG }, { "Hospital", S_ORG, 0 }, { "Court", S_ORG, S_ORG },
  { "Police", S_ORG, 0 }, { "Army", S_ORG, 0 }, { "Navy", S_ORG, 0 }, { "Forces", S_ORG, 0 },
  { "Brigade", S_ORG, 0 }, { "Battalion", S_ORG, 0 }, { "Regiment", S_ORG, 0 },
  { "Command", S_ORG, 0 }, { "Museum", S_ORG, S_ORG }, { "Orchestra", S_ORG, 0 },
  { "Studios", S_ORG, 0 }, { "Records", S_ORG, 0 }, { "Exchange", S_ORG, 0 },
  { "Parliament", S_ORG, 0 }, { "Assembly", S_ORG, 0 }, { "Administration", S_ORG, 0 },
  { "Service", S_ORG, 0 }, { "Trust", S_ORG, 0 }, { "Organization", S_ORG, S_ORG },
  { "Organisation", S_ORG, S_ORG }, { "Movement", S_ORG, 0 }, { "Front", S_ORG, 0 },
  { "Brotherhood", S_ORG, 0 }, { "Center", S_ORG, S_ORG }, { "Centre", S_ORG, S_ORG },
  { "Chamber", S_ORG, S_ORG }, { "Subcommittee", S_ORG, S_ORG },
  { "Caucus", S_ORG, 0 }, { "Corps", S_ORG, 0 }, { "Guard", S_ORG, 0 },
  { "Airport", S_FAC, 0 }, { "Bridge", S_FAC, 0 }, { "Street", S_FAC, 0 },
  { "Avenue", S_FAC, 0 }, { "Road", S_FAC, 0 }, { "Highway", S_FAC, 0 },
  { "Square", S_FAC, 0 }, { "Tower", S_FAC, 0 }, { "Towers", S_FAC, 0 },
  { "Stadium", S_FAC, 0 }, { "Arena", S_FAC, 0 }, { "Palace", S_FAC, 0 },
  { "Hall", S_FAC, 0 }, { "Station", S_FAC, 0 }, { "Harbor", S_FAC, 0 },
  { "Harbour", S_FAC, 0 }, { "Building", S_FAC, 0 }, { "Plaza", S_FAC, 0 },
  { "Dam", S_FAC, 0 }, { "Base", S_FAC, 0 }, { "Prison", S_FAC, 0 }, { "Mosque", S_FAC, 0 },
  { "Temple", S_FAC, 0 }, { "Cathedral", S_FAC, 0 }, { "Canal", S_FAC, 0 },
  { "Tunnel", S_FAC, 0 }, { "Memorial", S_FAC, 0 }, { "Monument", S_FAC, 0 },
  { "Plant", S_FAC, 0 }, { "Mall", S_FAC, 0 }, { "Terminal", S_FAC, 0 }, { "Pier", S_FAC, 0 },
  { "Boulevard", S_FAC, 0 }, { "Gate", S_FAC, 0 }, { "Pipeline", S_FAC, 0 },
  { "River", S_LOC, 0 }, { "Mountains", S_LOC, S_LOC }, { "Mountain", S_LOC, 0 },
  { "Sea", S_LOC, S_LOC }, { "Ocean", S_LOC, 0 }, { "Lake", S_LOC, S_LOC },
  { "Valley", S_LOC, 0 }, { "Desert", S_LOC, 0 }, { "Island", S_LOC, 0 },
  { "Islands", S_LOC, 0 }, { "Peninsula", S_LOC, 0 }, { "Strait", S_LOC, S_LOC },
  { "Gulf", S_LOC, S_LOC }, { "Bay", S_LOC, S_LOC }, { "Coast", S_LOC, 0 },
  { "Basin", S_LOC, 0 }, { "Plateau", S_LOC, 0 }, { "Forest", S_LOC, 0 },
  { "Region", S_LOC, 0 }, { "Canyon", S_LOC, 0 }, { "Glacier", S_LOC, 0 },
  { "Hills", S_LOC, 0 }, { "Range", S_LOC, 0 }, { "Beach", S_LOC, 0 }, { "Shoal", S_LOC, 0 },
  { "Reef", S_LOC, 0 }, { "Archipelago", S_LOC, 0 }, { "Mount", 0, S_LOC },
  { "Cape", 0, S_LOC }, { "Isle", 0, S_LOC },
  { "City", S_GPE, S_GPE }, { "County", S_GPE, 0 }, { "Province", S_GPE, S_GPE },
  { "Prefecture", S_GPE, 0 }, { "Oblast", S_GPE, 0 }, { "Township", S_GPE, 0 },
  { "Municipality", S_GPE, 0 }, { "Governorate", S_GPE, 0 }, { "Republic", S_GPE, S_GPE },
  { "Kingdom", S_GPE, S_GPE }, { "Emirate", S_GPE, 0 }, { "District", S_GPE, 0 },
  { "War", S_EVENT, S_EVENT }, { "Wars", S_EVENT, 0 }, { "Summit", S_EVENT, 0 },
  { "Games", S_EVENT, 0 }, { "Olympics", S_EVENT, 0 }, { "Cup", S_EVENT, 0 },
  { "Championship", S_EVENT, 0 }, { "Championships", S_EVENT, 0 },
  { "Festival", S_EVENT, 0 }, { "Conference", S_EVENT, 0 }, { "Revolution", S_EVENT, 0 },
  { "Massacre", S_EVENT, 0 }, { "Uprising", S_EVENT, 0 }, { "Expo", S_EVENT, 0 },
  { "Marathon", S_EVENT, 0 }, { "Tour", S_EVENT, 0 }, { "Awards", S_EVENT, 0 }, { "Battle", 0, S_EVENT },
  { "Siege", 0, S_EVENT }, { "Hurricane", 0, S_EVENT }, { "Typhoon", 0, S_EVENT },
  { "Cyclone", 0, S_EVENT }, { "Storm", 0, S_EVENT }, { "Operation", 0, S_EVENT },
  { "Act", S_LAW, S_LAW }, { "Treaty", S_LAW, S_LAW }, { "Accord", S_LAW, 0 },
  { "Accords", S_LAW, 0 }, { "Agreement", S_LAW, 0 }, { "Convention", S_LAW, S_LAW },
  { "Constitution", S_LAW, 0 }, { "Amendment", S_LAW, 0 }, { "Law", S_LAW, 0 },
  { "Protocol", S_LAW, 0 }, { "Code", S_LAW, 0 }, { "Charter", S_LAW, S_LAW },
  { "Bill", S_LAW, 0 }, { "Resolution", S_LAW, 0 }, { "Directive", S_LAW, 0 },
  { "Regulation", S_LAW, 0 }, { "Statute", S_LAW, 0 }, { "Declaration", S_LAW, S_LAW },
  { "Ordinance", S_LAW, 0 },
};

/* }}} */
/* {{{ Gazetteers */

typedef struct
{
  const char *file;
  Kind        kind;
} GazetteerFile;

/* In order of precedence: an entry in two files keeps the first kind. */
static const GazetteerFile phrase_files[] = {
  { "titles.txt", K_TITLE },
  { "organisations.txt", K_ORG },
  { "government-bodies.txt", K_BODY },
  { "countries.txt", K_GPE },
  { "cities.txt", K_GPE },
  { "nationalities.txt", K_NORP },
  { "locations.txt", K_LOC },
  { "facilities.txt", K_FAC },
  { "events.txt", K_EVENT },
  { "laws.txt", K_LAW },
  { "products.txt", K_PRODUCT },
  { "languages.txt", K_LANGUAGE },
};

typedef struct
{
  GHashTable *phrases;       /* "word word" -> Kind */
  GHashTable *first;         /* first word -> longest phrase starting with it, in tokens */
  GHashTable *first_names;   /* set */
  GHashTable *family_names;  /* name -> 1, or 2 when it is also an English word */
  GHashTable *languages;     /* set */
  GHashTable *lexicon;       /* word -> WordInfo */
} Gazetteer;

/* Appends [p, end) with the apostrophes and hyphens that vary between
 * texts made plain; every code point stays one code point. */
static void
append_normalized (GString    *out,
                   const char *p,
                   const char *end)
{
  const char *run = p;

  /* ’ ‘ ‐ ‑ start with E2 80, ʼ with CA BC: everything else is copied
   * in runs */
  while (p < end)
    {
      const char *repl = NULL;

      if ((guchar) p[0] == 0xE2 && end - p >= 3 && (guchar) p[1] == 0x80)
        {
          guchar b = (guchar) p[2];

          repl = (b == 0x98 || b == 0x99) ? "'" : (b == 0x90 || b == 0x91) ? "-" : NULL;
        }
      else if ((guchar) p[0] == 0xCA && end - p >= 2 && (guchar) p[1] == 0xBC)
        repl = "'";
      if (repl == NULL)
        {
          p++;
          continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append_c (out, *repl);
      p = g_utf8_next_char (p);
      run = p;
    }
  g_string_append_len (out, run, end - run);
}

static gboolean
is_line_break (gunichar ch)
{
  return ch == '\n' || ch == '\r' || ch == 0x2028 || ch == 0x2029 || ch == 0x85;
}

/* One walk over @text: each token's normalized text goes into @words,
 * NUL-terminated, at @word_at[i]; @breaks[i] (optional) says whether a
 * line break stands between token i - 1 and token i. */
static void
collect_words (const char *text,
               GArray     *tokens,
               GString    *words,
               guint      *word_at,
               guint8     *breaks)
{
  const char *p = text;
  guint cp = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const BylineToken *t = &g_array_index (tokens, BylineToken, i);
      const char *start;
      gboolean nl = (i == 0);

      while (cp < t->start)
        {
          nl = nl || is_line_break (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
          cp++;
        }
      start = p;
      while (cp < t->end)
        {
          p = g_utf8_next_char (p);
          cp++;
        }
      word_at[i] = words->len;
      append_normalized (words, start, p);
      g_string_append_c (words, '\0');
      if (breaks != NULL)
        breaks[i] = nl;
    }
}

/* The gazetteer key of an entry: its tokens, normalized, joined by spaces
 * (so "AT&T" and "Côte d’Ivoire" are found as the text's tokens are). */
static char *
entry_key (const char *entry,
           guint      *n_tokens,
           char      **first)
{
  g_autoptr(GArray) tokens = byline_tokenize (entry, -1);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree guint *word_at = g_new (guint, tokens->len + 1);
  GString *key = g_string_new (NULL);

  collect_words (entry, tokens, words, word_at, NULL);
  for (guint i = 0; i < tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, words->str + word_at[i]);
    }
  *n_tokens = tokens->len;
  *first = tokens->len > 0 ? g_strdup (words->str + word_at[0]) : NULL;
  return g_string_free (key, FALSE);
}

/* The lines of a bundled gazetteer, without comments and blank lines. */
static char **
gazetteer_lines (const char *file)
{
  g_autofree char *path = g_strconcat (GAZETTEER_PATH, file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *kept = g_ptr_array_new ();
  gconstpointer data;
  gsize size = 0;

  /* The core's own resource, as for the schema: a static library's
   * constructor may be dropped at link. Bundled files are a build error
   * when missing. */
  bytes = g_resource_lookup_data (byline_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#' && g_utf8_validate (line, -1, NULL))
        g_ptr_array_add (kept, g_strdup (line));
    }
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (kept, FALSE);
}

static void
add_phrase (Gazetteer  *gaz,
            const char *entry,
            Kind        kind)
{
  guint n_tokens = 0;
  g_autofree char *first = NULL;
  char *key = entry_key (entry, &n_tokens, &first);
  guint longest;

  if (n_tokens == 0 || n_tokens > MAX_PHRASE || g_hash_table_contains (gaz->phrases, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (gaz->phrases, key, GUINT_TO_POINTER (kind));
  longest = GPOINTER_TO_UINT (g_hash_table_lookup (gaz->first, first));
  if (n_tokens > longest)
    g_hash_table_insert (gaz->first, g_steal_pointer (&first), GUINT_TO_POINTER (n_tokens));
}

static Gazetteer *
gazetteer_load (void)
{
  Gazetteer *gaz = g_new0 (Gazetteer, 1);
  g_auto(GStrv) first_names = gazetteer_lines ("first-names.txt");
  g_auto(GStrv) family_names = gazetteer_lines ("family-names.txt");
  g_auto(GStrv) languages = gazetteer_lines ("languages.txt");

  gaz->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gaz->first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gaz->first_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gaz->family_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gaz->languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gaz->lexicon = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint f = 0; f < G_N_ELEMENTS (phrase_files); f++)
    {
      g_auto(GStrv) lines = gazetteer_lines (phrase_files[f].file);

      for (guint i = 0; lines[i] != NULL; i++)
        add_phrase (gaz, lines[i], phrase_files[f].kind);
    }
  for (guint i = 0; first_names[i] != NULL; i++)
    {
      GString *name = g_string_new (NULL);

      append_normalized (name, first_names[i], first_names[i] + strlen (first_names[i]));
      g_hash_table_add (gaz->first_names, g_string_free (name, FALSE));
    }
  for (guint i = 0; family_names[i] != NULL; i++)
    {
      gsize len = strlen (family_names[i]);
      gboolean ambiguous = len > 1 && family_names[i][len - 1] == '?';

      /* a name marked ambiguous anywhere stays so */
      if (GPOINTER_TO_UINT (g_hash_table_lookup (gaz->family_names, family_names[i])) == 2)
        continue;
      g_hash_table_insert (gaz->family_names,
                           g_strndup (family_names[i], ambiguous ? len - 1 : len),
                           GUINT_TO_POINTER (ambiguous ? 2 : 1));
    }
  for (guint i = 0; languages[i] != NULL; i++)
    g_hash_table_add (gaz->languages, g_strdup (languages[i]));

  for (guint i = 0; i < G_N_ELEMENTS (lexicon); i++)
    {
      WordInfo *info = g_hash_table_lookup (gaz->lexicon, lexicon[i].word);

      if (info == NULL)
        {
          info = g_new0 (WordInfo, 1);
          g_hash_table_insert (gaz->lexicon, (gpointer) lexicon[i].word, info);
        }
      info->classes |= lexicon[i].classes;
      if (lexicon[i].classes & (W_MONTH | W_WEEKDAY | W_ORDINAL))
        info->value = (gint16) MIN (lexicon[i].num, G_MAXINT16);
      if (lexicon[i].classes & (W_NUM | W_SCALE))
        info->num = lexicon[i].num;
    }
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      WordInfo *info = g_hash_table_lookup (gaz->lexicon, shapes[i].word);

      if (info == NULL)
        {
          info = g_new0 (WordInfo, 1);
          g_hash_table_insert (gaz->lexicon, (gpointer) shapes[i].word, info);
        }
      info->suffix = shapes[i].suffix;
      info->head = shapes[i].head;
    }
  return gaz;
}

/* Loaded once, then only read: extractors run in worker threads. */
static const Gazetteer *
gazetteer_get (void)
{
  static Gazetteer *gaz;

  if (g_once_init_enter (&gaz))
    g_once_init_leave (&gaz, gazetteer_load ());
  return gaz;
}

/* }}} */
/* {{{ The text */

enum
{
  F_CAP      = 1u << 0,  /* starts with an uppercase letter */
  F_LOWER    = 1u << 1,  /* starts with a lowercase letter */
  F_ALLCAPS  = 1u << 2,  /* two letters or more, none lowercase */
  F_NAME     = 1u << 3,  /* a word: a capital, then lowercase letters somewhere */
  F_BREAK    = 1u << 4,  /* a line break before it */
  F_INITIAL  = 1u << 5,  /* the first word of its sentence or line */
  F_GLUED    = 1u << 6,  /* no space before it */
  F_DIGIT    = 1u << 7,  /* starts with a digit */
  F_HYPHEN   = 1u << 8,  /* a word with a hyphen inside */
  F_HEADLINE = 1u << 9,  /* in a line of Title Case Words */
};

typedef struct
{
  guint start;   /* code points */
  guint end;
  Kind  kind;
  double confidence;
} Found;

typedef struct
{
  const Gazetteer *gaz;
  const BylineToken *tok;
  guint            n;
  GString         *words;
  guint           *word_at;
  guint16         *flags;
  const WordInfo **info;
  guint           *sentence;
  guint8          *taken;      /* Kind, K_NONE while free */
  GArray          *found;      /* Found */
  GHashTable      *lowercase;  /* words the text writes in lowercase */
  GHashTable      *people;     /* surnames and full names of the people found */
  GString         *key;
  GCancellable    *cancellable;
} Ctx;

static inline const char *
word (const Ctx *c,
      guint      i)
{
  return c->words->str + c->word_at[i];
}

static inline gboolean
has_flag (const Ctx *c,
          guint      i,
          guint      flag)
{
  return i < c->n && (c->flags[i] & flag) != 0;
}

static inline guint32
classes (const Ctx *c,
         guint      i)
{
  return i < c->n && c->info[i] != NULL ? c->info[i]->classes : 0;
}

static inline gboolean
is_class (const Ctx *c,
          guint      i,
          guint32    cls)
{
  return (classes (c, i) & cls) != 0;
}

static inline gboolean
is_word (const Ctx  *c,
         guint       i,
         const char *w)
{
  return i < c->n && strcmp (word (c, i), w) == 0;
}

static inline gboolean
is_free (const Ctx *c,
         guint      i)
{
  return i < c->n && c->taken[i] == K_NONE;
}

static inline gboolean
is_kind (const Ctx      *c,
         guint           i,
         BylineTokenKind kind)
{
  return i < c->n && c->tok[i].kind == kind;
}

/* Whether token @j follows @i on the same line (and in the same
 * sentence, when @sentence). */
static inline gboolean
same_line (const Ctx *c,
           guint      i,
           guint      j,
           gboolean   sentence)
{
  if (j >= c->n)
    return FALSE;
  for (guint k = i + 1; k <= j; k++)
    {
      if (c->flags[k] & F_BREAK)
        return FALSE;
    }
  return !sentence || c->sentence[i] == c->sentence[j];
}

static guint16
word_flags (const char *w,
            BylineTokenKind kind)
{
  guint16 flags = 0;
  guint letters = 0, lower = 0;
  gunichar first = g_utf8_get_char (w);
  const char *p;

  /* plain ASCII, the common case, without the Unicode tables */
  for (p = w; *p != '\0' && (guchar) *p < 0x80; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          letters++;
          lower += g_ascii_islower (*p) ? 1 : 0;
        }
      if (*p == '-' && p != w && p[1] != '\0')
        flags |= F_HYPHEN;
    }
  if (*p == '\0')
    {
      if (g_ascii_isupper (*w))
        flags |= F_CAP;
      else if (g_ascii_islower (*w))
        flags |= F_LOWER;
      else if (g_ascii_isdigit (*w))
        flags |= F_DIGIT;
      goto done;
    }
  flags = 0;
  letters = lower = 0;
  if (g_unichar_isupper (first) || g_unichar_istitle (first))
    flags |= F_CAP;
  else if (g_unichar_islower (first))
    flags |= F_LOWER;
  else if (g_unichar_isdigit (first))
    flags |= F_DIGIT;
  for (p = w; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalpha (ch))
        {
          letters++;
          lower += g_unichar_islower (ch) ? 1 : 0;
        }
      if (ch == '-' && p != w && p[1] != '\0')
        flags |= F_HYPHEN;
    }
done:
  if ((flags & F_CAP) && letters >= 2 && lower == 0)
    flags |= F_ALLCAPS;
  if ((flags & F_CAP) && lower > 0 && kind == BYLINE_TOKEN_WORD)
    flags |= F_NAME;
  return flags;
}

/* The lexicon entry of a word: as written, or in lowercase for a
 * capitalised word ("Last", "Two"); "US" is not "us". */
static const WordInfo *
lookup_info (const Gazetteer *gaz,
             const char      *w,
             guint16          flags)
{
  const WordInfo *info = g_hash_table_lookup (gaz->lexicon, w);
  char buf[32];
  gsize len;

  if (info != NULL || !(flags & F_CAP) || (flags & F_ALLCAPS))
    return info;
  len = strlen (w);
  if (len >= sizeof buf)
    return NULL;
  for (gsize k = 0; k <= len; k++)
    buf[k] = g_ascii_tolower (w[k]);
  return g_hash_table_lookup (gaz->lexicon, buf);
}

static gboolean
is_final_mark (const char *w)
{
  return g_str_equal (w, ".") || g_str_equal (w, "!") || g_str_equal (w, "?") ||
         g_str_equal (w, "…") || g_str_equal (w, "...") || g_str_equal (w, "?!") ||
         g_str_equal (w, "!?");
}

/* ’ is ' once normalized. */
static gboolean
is_closing_mark (const char *w)
{
  return g_str_equal (w, "”") || g_str_equal (w, "'") || g_str_equal (w, "\"") ||
         g_str_equal (w, ")") || g_str_equal (w, "]") || g_str_equal (w, "»") ||
         g_str_equal (w, "›");
}

static void
ctx_init (Ctx             *c,
          const Gazetteer *gaz,
          const char      *text,
          GArray          *tokens,
          GCancellable    *cancellable)
{
  g_autofree guint8 *breaks = NULL;
  gboolean ended = FALSE;
  guint s = 0;

  memset (c, 0, sizeof *c);
  c->gaz = gaz;
  c->tok = (const BylineToken *) tokens->data;
  c->n = tokens->len;
  c->words = g_string_sized_new (strlen (text) + c->n + 1);
  c->word_at = g_new (guint, c->n + 1);
  c->flags = g_new0 (guint16, c->n + 1);
  c->info = g_new0 (const WordInfo *, c->n + 1);
  c->sentence = g_new0 (guint, c->n + 1);
  c->taken = g_new0 (guint8, c->n + 1);
  c->found = g_array_new (FALSE, FALSE, sizeof (Found));
  c->lowercase = g_hash_table_new (g_str_hash, g_str_equal);
  c->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->key = g_string_new (NULL);
  c->cancellable = cancellable;
  breaks = g_new0 (guint8, c->n + 1);

  collect_words (text, tokens, c->words, c->word_at, breaks);

  for (guint i = 0; i < c->n; i++)
    {
      const char *w = word (c, i);
      guint16 flags = word_flags (w, c->tok[i].kind);
      gboolean punct = c->tok[i].kind == BYLINE_TOKEN_PUNCT;
      gboolean closing = punct && is_closing_mark (w);
      gboolean first_word;

      if (breaks[i])
        flags |= F_BREAK;
      if (i > 0 && c->tok[i - 1].end == c->tok[i].start)
        flags |= F_GLUED;
      /* Sentences, as news writes them: a line, or what follows a final
       * mark and its closing quotes. The tokenizer keeps the periods of
       * abbreviations (U.S., Jan.) in their words; this is cheaper than
       * byline_split_sentences() and good enough for capitals. */
      first_word = (flags & F_BREAK) || (ended && !closing);
      if (first_word && i > 0)
        s++;
      c->sentence[i] = s;
      ended = (punct && is_final_mark (w)) || (ended && closing);
      if (!first_word && i > 0 && (c->flags[i - 1] & F_INITIAL) &&
          c->tok[i - 1].kind != BYLINE_TOKEN_WORD && c->tok[i - 1].kind != BYLINE_TOKEN_NUMBER &&
          c->tok[i - 1].kind != BYLINE_TOKEN_ABBREVIATION)
        first_word = TRUE;
      if (first_word)
        flags |= F_INITIAL;
      c->flags[i] = flags;
      c->info[i] = lookup_info (gaz, w, flags);
      if ((flags & F_LOWER) && c->tok[i].kind == BYLINE_TOKEN_WORD)
        g_hash_table_add (c->lowercase, (gpointer) w);
    }

  /* Lines of Title Case Words (headlines) are no evidence for guesses. */
  for (guint i = 0; i < c->n;)
    {
      guint j = i + 1, words = 0, caps = 0;

      while (j < c->n && !(c->flags[j] & F_BREAK))
        j++;
      for (guint k = i; k < j; k++)
        {
          if (c->tok[k].kind == BYLINE_TOKEN_WORD && !is_class (c, k, W_STOP))
            {
              words++;
              caps += (c->flags[k] & F_CAP) ? 1 : 0;
            }
        }
      /* Title Case, and no sentence: "China Fuels the Threat to European
       * Security", not "He met the Beijing Risk Council." */
      if (words >= 4 && caps * 5 >= words * 4 && !is_final_mark (word (c, j - 1)))
        {
          for (guint k = i; k < j; k++)
            c->flags[k] |= F_HEADLINE;
        }
      i = j;
    }
}

static void
ctx_clear (Ctx *c)
{
  g_string_free (c->words, TRUE);
  g_free (c->word_at);
  g_free (c->flags);
  g_free (c->info);
  g_free (c->sentence);
  g_free (c->taken);
  g_array_unref (c->found);
  g_hash_table_unref (c->lowercase);
  g_hash_table_unref (c->people);
  g_string_free (c->key, TRUE);
}

static gboolean
cancelled (const Ctx *c,
           guint      i)
{
  return (i & 4095) == 0 && g_cancellable_is_cancelled (c->cancellable);
}

/* Suggests [tokens i, j) as @kind and takes them. */
static void
emit (Ctx   *c,
      guint  i,
      guint  j,
      Kind   kind,
      double confidence)
{
  Found f = { c->tok[i].start, c->tok[j - 1].end, kind, confidence };

  g_assert (i < j && j <= c->n);
  for (guint k = i; k < j; k++)
    c->taken[k] = kind;
  if (kind_labels[kind] != NULL)
    g_array_append_val (c->found, f);
}

/* Takes [i, j) without suggesting anything. */
static void
take (Ctx  *c,
      guint i,
      guint j,
      Kind  kind)
{
  for (guint k = i; k < j && k < c->n; k++)
    c->taken[k] = kind;
}

/* }}} */
/* {{{ Numbers */

typedef struct
{
  double   value;
  gboolean digits;    /* written with digits */
  gboolean scaled;    /* with million, bn… */
  gboolean vague;     /* dozens, thousands of */
} Number;

/* A number in digits: 24, 1,000, 1.5, 3-5 (a range) — not 10:30 or 26th. */
static gboolean
parse_digits (const char *w,
              double     *value)
{
  char buf[64];
  gsize n = 0;
  gboolean seen_digit = FALSE;

  for (const char *p = w; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        seen_digit = TRUE;
      else if (*p == ',' && seen_digit && g_ascii_isdigit (p[1]))
        continue;
      else if (*p == '.' && seen_digit && g_ascii_isdigit (p[1]))
        ;
      else if (*p == '-' && seen_digit && g_ascii_isdigit (p[1]))
        break;  /* a range: its first end */
      else
        return FALSE;
      if (n + 1 >= sizeof buf)
        return FALSE;
      buf[n++] = *p;
    }
  buf[n] = '\0';
  if (!seen_digit)
    return FALSE;
  *value = g_ascii_strtod (buf, NULL);
  return TRUE;
}

/* "1.5bn", "5m", "20k": digits and a scale in one token. Returns the
 * suffix after the digits, or NULL. */
static const char *
digits_suffix (const char *w,
               double     *value)
{
  const char *p = w;
  char buf[64];
  gsize n;

  while (g_ascii_isdigit (*p) || ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1])))
    p++;
  n = p - w;
  if (n == 0 || n >= sizeof buf || *p == '\0')
    return NULL;
  memcpy (buf, w, n);
  buf[n] = '\0';
  if (!parse_digits (buf, value))
    return NULL;
  return p;
}

static double
attached_scale (const char *suffix)
{
  static const struct { const char *s; double f; } scales[] = {
    { "bn", 1e9 }, { "b", 1e9 }, { "mn", 1e6 }, { "m", 1e6 }, { "k", 1e3 },
    { "tn", 1e12 }, { "trn", 1e12 }, { "K", 1e3 }, { "M", 1e6 }, { "B", 1e9 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      if (strcmp (suffix, scales[k].s) == 0)
        return scales[k].f;
    }
  return 0;
}

/* The lowercase word at @i when it is a number word ("Two" at the start
 * of a sentence too), or a hyphenated one ("twenty-five"). */
static gboolean
number_word (const Ctx *c,
             guint      i,
             double    *value)
{
  const char *w, *hyphen;

  if (i >= c->n)
    return FALSE;
  if (is_class (c, i, W_NUM))
    {
      *value = c->info[i]->num;
      return TRUE;
    }
  w = word (c, i);
  hyphen = strchr (w, '-');
  if (hyphen != NULL && hyphen - w < 16 && c->tok[i].kind == BYLINE_TOKEN_WORD)
    {
      char tens[16];
      const WordInfo *a, *b;

      memcpy (tens, w, hyphen - w);
      tens[hyphen - w] = '\0';
      tens[0] = g_ascii_tolower (tens[0]);
      a = g_hash_table_lookup (c->gaz->lexicon, tens);
      b = g_hash_table_lookup (c->gaz->lexicon, hyphen + 1);
      if (a != NULL && b != NULL && (a->classes & W_NUM) && (b->classes & W_NUM) &&
          a->num >= 20 && a->num <= 90 && b->num >= 1 && b->num <= 9)
        {
          *value = a->num + b->num;
          return TRUE;
        }
    }
  return FALSE;
}

/* A number starting at token @i: digits, maybe with a scale ("1.5
 * billion", "1.5bn"), or words ("twenty-five", "two hundred", "a
 * dozen", "tens of thousands"). Returns the token after it, or @i. With
 * @scale_only, a one-letter attached scale (5m) counts too. */
static guint
parse_number (const Ctx *c,
              guint      i,
              gboolean   money,
              Number    *num)
{
  guint j = i;
  double v;

  memset (num, 0, sizeof *num);
  if (i >= c->n)
    return i;

  if (c->tok[i].kind == BYLINE_TOKEN_NUMBER && parse_digits (word (c, i), &v))
    {
      num->value = v;
      num->digits = TRUE;
      j = i + 1;
    }
  else if (c->tok[i].kind == BYLINE_TOKEN_WORD && has_flag (c, i, F_DIGIT))
    {
      const char *suffix = digits_suffix (word (c, i), &v);
      double f = suffix != NULL ? attached_scale (suffix) : 0;

      /* 5m is five meters unless it is money */
      if (f == 0 || (!money && (strcmp (suffix, "m") == 0 || strcmp (suffix, "M") == 0)))
        return i;
      num->value = v * f;
      num->digits = num->scaled = TRUE;
      return i + 1;
    }
  else if (number_word (c, i, &v))
    {
      num->value = v;
      j = i + 1;
      /* "two hundred fifty", "hundred and five" */
      while (j < c->n && same_line (c, j - 1, j, FALSE))
        {
          double u;

          if (is_class (c, j, W_SCALE) && !is_word (c, j, "dozen"))
            {
              num->value *= c->info[j]->num;
              j++;
            }
          else if (number_word (c, j, &u) && u < 100 && is_class (c, j - 1, W_SCALE) &&
                   !(c->flags[j] & F_CAP))
            {
              num->value += u;
              j++;
            }
          else if (is_word (c, j, "and") && is_class (c, j - 1, W_SCALE) && number_word (c, j + 1, &u))
            j++;
          else
            break;
        }
      if (j > i + 1)
        num->scaled = TRUE;
      return j;
    }
  else if ((is_word (c, i, "a") || is_word (c, i, "A") || is_word (c, i, "an")) &&
           is_class (c, i + 1, W_SCALE) && same_line (c, i, i + 1, FALSE))
    {
      num->value = c->info[i + 1]->num;
      num->scaled = TRUE;
      return i + 2;
    }
  else if (is_class (c, i, W_VAGUE))
    {
      /* "dozens", "tens of thousands", "hundreds of millions" */
      num->vague = TRUE;
      j = i + 1;
      if (is_word (c, j, "of") && is_class (c, j + 1, W_VAGUE))
        j += 2;
      return j;
    }
  else
    return i;

  /* digits and a scale word: "1.5 billion" */
  while (j < c->n && is_class (c, j, W_SCALE) && same_line (c, j - 1, j, FALSE))
    {
      num->value *= c->info[j]->num;
      num->scaled = TRUE;
      j++;
    }
  return j;
}

/* }}} */
/* {{{ Pass 1: money, percentages, quantities, times and dates */

static gboolean
is_year (const Ctx *c,
         guint      i)
{
  const char *w;
  gsize len;
  int v;

  if (!is_kind (c, i, BYLINE_TOKEN_NUMBER))
    return FALSE;
  w = word (c, i);
  len = strlen (w);
  if (len != 4 || !g_ascii_isdigit (w[0]) || !g_ascii_isdigit (w[1]) ||
      !g_ascii_isdigit (w[2]) || !g_ascii_isdigit (w[3]))
    return FALSE;
  v = atoi (w);
  return v >= 1000 && v <= 2199;
}

/* A day of a month: 1–31, 24th, or a range of days 24-26. */
static gboolean
is_day (const Ctx *c,
        guint      i)
{
  const char *w;
  char *end = NULL;
  long v;

  if (!is_kind (c, i, BYLINE_TOKEN_NUMBER))
    return FALSE;
  w = word (c, i);
  v = strtol (w, &end, 10);
  if (end == w || v < 1 || v > 31 || end - w > 2)
    return FALSE;
  if (*end == '\0')
    return TRUE;
  if (g_str_equal (end, "st") || g_str_equal (end, "nd") || g_str_equal (end, "rd") ||
      g_str_equal (end, "th"))
    return TRUE;
  if (*end == '-')
    {
      long u = strtol (end + 1, &end, 10);

      return *end == '\0' && u >= 1 && u <= 31;
    }
  return FALSE;
}

/* A decade: 1990s, 90s, ’90s. */
static gboolean
is_decade (const Ctx *c,
           guint      i)
{
  const char *w;
  gsize len;

  if (i >= c->n || c->tok[i].kind != BYLINE_TOKEN_WORD)
    return FALSE;
  w = word (c, i);
  if (*w == '\'')
    w++;
  len = strlen (w);
  if (len != 5 && len != 3)
    return FALSE;
  for (gsize k = 0; k + 1 < len; k++)
    {
      if (!g_ascii_isdigit (w[k]))
        return FALSE;
    }
  return w[len - 1] == 's' && w[len - 2] == '0';
}

/* A word "N-unit[-...]" ("three-day", "40-year-old", "24-hour",
 * "5-kilometer"): the lexicon classes of its unit, or 0. */
static guint32
hyphen_unit (const Ctx *c,
             guint      i)
{
  const char *w, *hyphen, *unit_end;
  char head[24], unit[24];
  const WordInfo *info;
  double v;
  gsize len;

  if (i >= c->n || !(c->flags[i] & F_HYPHEN) || c->tok[i].kind != BYLINE_TOKEN_WORD)
    return 0;
  w = word (c, i);
  hyphen = strchr (w, '-');
  if (hyphen == NULL || hyphen - w >= (gssize) sizeof head)
    return 0;
  memcpy (head, w, hyphen - w);
  head[hyphen - w] = '\0';
  head[0] = g_ascii_tolower (head[0]);
  info = g_hash_table_lookup (c->gaz->lexicon, head);
  if (!parse_digits (head, &v) && (info == NULL || !(info->classes & W_NUM)))
    return 0;
  unit_end = strchr (hyphen + 1, '-');
  len = unit_end != NULL ? (gsize) (unit_end - hyphen - 1) : strlen (hyphen + 1);
  if (len == 0 || len >= sizeof unit)
    return 0;
  memcpy (unit, hyphen + 1, len);
  unit[len] = '\0';
  info = g_hash_table_lookup (c->gaz->lexicon, unit);
  if (info == NULL)
    {
      /* "three-days" is rare; "kilometer" is listed as is */
      return 0;
    }
  return info->classes & (W_DATE_UNIT | W_TIME_UNIT | W_UNIT);
}

/* "mid-April", "mid-2024", "late-2023" */
static gboolean
is_edge_date (const Ctx *c,
              guint      i)
{
  const char *w, *hyphen;
  const WordInfo *info;

  if (i >= c->n || !(c->flags[i] & F_HYPHEN))
    return FALSE;
  w = word (c, i);
  hyphen = strchr (w, '-');
  if (hyphen == NULL ||
      !(g_ascii_strncasecmp (w, "mid-", 4) == 0 || g_ascii_strncasecmp (w, "early-", 6) == 0 ||
        g_ascii_strncasecmp (w, "late-", 5) == 0))
    return FALSE;
  info = g_hash_table_lookup (c->gaz->lexicon, hyphen + 1);
  if (info != NULL && (info->classes & (W_MONTH | W_SEASON | W_DATE_UNIT)))
    return TRUE;
  return strlen (hyphen + 1) == 4 && g_ascii_isdigit (hyphen[1]) && g_ascii_isdigit (hyphen[4]);
}

static gboolean
ascii_ieq (const Ctx  *c,
           guint       i,
           const char *w)
{
  return i < c->n && g_ascii_strcasecmp (word (c, i), w) == 0;
}

/* After a date's day: ", 2024" or " 2024". */
static guint
date_year (const Ctx *c,
           guint      j)
{
  if (is_word (c, j, ",") && is_year (c, j + 1) && same_line (c, j, j + 1, FALSE))
    return j + 2;
  if (is_year (c, j) && same_line (c, j - 1, j, FALSE))
    return j + 1;
  return j;
}

/* Month [day [range day]] [, year] at @i, a month already seen there. */
static guint
month_date (const Ctx *c,
            guint      i,
            gboolean  *specific)
{
  guint j = i + 1;

  *specific = FALSE;
  if (is_day (c, j) && same_line (c, i, j, FALSE))
    {
      *specific = TRUE;
      j++;
      /* April 24 to 26, April 24 – May 2, April 24 and 25 */
      if ((is_class (c, j, W_RANGE) || is_word (c, j, "and")) && same_line (c, j - 1, j + 1, FALSE))
        {
          if (is_day (c, j + 1))
            j += 2;
          else if (is_class (c, j + 1, W_MONTH) && is_day (c, j + 2) && same_line (c, j, j + 2, FALSE))
            j += 3;
        }
      return date_year (c, j);
    }
  if (is_year (c, j) && same_line (c, i, j, FALSE))
    {
      *specific = TRUE;
      return j + 1;
    }
  return j;
}

/* Whether a bare month name at @i is a date: after "in", "last",
 * "since", "early"…, or any month but the ambiguous ones (March, April,
 * May, June can be names or words) when no name follows. */
static gboolean
bare_month_is_date (const Ctx *c,
                    guint      i)
{
  if (i > 0 && same_line (c, i - 1, i, FALSE) &&
      (is_class (c, i - 1, W_DATE_PREP | W_REL | W_EDGE) || is_word (c, i - 1, "and") ||
       is_class (c, i - 1, W_MONTH)))
    return TRUE;
  if (is_class (c, i, W_MONTH_AMBIG) || is_kind (c, i, BYLINE_TOKEN_ABBREVIATION))
    return FALSE;
  return !(has_flag (c, i + 1, F_CAP) && same_line (c, i, i + 1, FALSE));
}

/* Whether a gazetteer phrase of two or three words ends at @i. */
static gboolean
ends_phrase (const Ctx *c,
             guint      i)
{
  GString *key = g_string_new (NULL);
  gboolean found = FALSE;

  for (guint len = 2; len <= 3 && len <= i + 1 && !found; len++)
    {
      g_string_truncate (key, 0);
      for (guint k = i + 1 - len; k <= i; k++)
        {
          if (k > i + 1 - len)
            g_string_append_c (key, ' ');
          g_string_append (key, word (c, k));
        }
      found = same_line (c, i + 1 - len, i, FALSE) && g_hash_table_contains (c->gaz->phrases, key->str);
    }
  g_string_free (key, TRUE);
  return found;
}

/* A date at @i: returns the token after it, or @i; @confidence set. */
static guint
match_date (const Ctx *c,
            guint      i,
            double    *confidence,
            Kind      *kind)
{
  guint j;
  gboolean specific;
  Number num;

  *kind = K_DATE;
  *confidence = 0.9;

  /* Black Friday, Super Tuesday, Fourth of July are events */
  if (is_class (c, i, W_WEEKDAY | W_MONTH) && ends_phrase (c, i))
    return i;

  /* April 24 to 26, 2024 / April 2024 / April */
  if (is_class (c, i, W_MONTH) && has_flag (c, i, F_CAP))
    {
      j = month_date (c, i, &specific);
      if (specific)
        {
          *confidence = 0.95;
          return j;
        }
      if (bare_month_is_date (c, i))
        return i + 1;
      return i;
    }

  /* 24 April 2024 */
  if (is_day (c, i) && is_class (c, i + 1, W_MONTH) && has_flag (c, i + 1, F_CAP) &&
      same_line (c, i, i + 1, FALSE))
    {
      *confidence = 0.95;
      return date_year (c, i + 2);
    }

  /* Wednesday, Wednesday, April 24, Wednesday night (TIME) */
  if (is_class (c, i, W_WEEKDAY) && has_flag (c, i, F_CAP))
    {
      j = i + 1;
      if (is_word (c, j, ",") && is_class (c, j + 1, W_MONTH) && same_line (c, i, j + 1, FALSE))
        {
          guint k = month_date (c, j + 1, &specific);

          if (specific)
            return k;
        }
      if (is_class (c, j, W_DAYPART) && same_line (c, i, j, FALSE))
        {
          *kind = K_TIME;
          return j + 1;
        }
      return j;
    }

  /* last June, next week, this year, last Wednesday, this spring, last
   * night (TIME); earlier this year, late last month */
  j = i;
  if (is_class (c, j, W_EDGE) && is_class (c, j + 1, W_REL) && same_line (c, j, j + 1, FALSE))
    j++;
  if (is_class (c, j, W_REL) && same_line (c, j, j + 1, FALSE) &&
      (is_class (c, j + 1, W_DATE_UNIT) || is_class (c, j + 1, W_SEASON) ||
       (is_class (c, j + 1, W_MONTH) && has_flag (c, j + 1, F_CAP)) ||
       (is_class (c, j + 1, W_WEEKDAY) && has_flag (c, j + 1, F_CAP)) ||
       (is_class (c, j + 1, W_DAYPART) && !ascii_ieq (c, j, "past"))))
    {
      /* "this week", "last year" (its ’s is a token of its own); a plural
       * needs a number ("the past two weeks") */
      if (is_class (c, j + 1, W_DATE_UNIT) && g_str_has_suffix (word (c, j + 1), "s"))
        return i;
      if (is_class (c, j + 1, W_DAYPART))
        *kind = K_TIME;
      *confidence = 0.9;
      return j + 2;
    }
  /* the past two weeks, the next few days, the last decade */
  if ((is_word (c, i, "the") || is_word (c, i, "The")) && is_class (c, i + 1, W_REL) &&
      !ascii_ieq (c, i + 1, "this") && same_line (c, i, i + 3, FALSE))
    {
      j = i + 2;
      if (parse_number (c, j, FALSE, &num) > j)
        j = parse_number (c, j, FALSE, &num);
      else if (is_word (c, j, "few") || is_word (c, j, "several") || is_word (c, j, "many"))
        j++;
      if (is_class (c, j, W_DATE_UNIT) && j > i + 2)
        return j + 1;
      if (is_class (c, j, W_DATE_UNIT) && (is_word (c, j, "decade") || is_word (c, j, "year") ||
                                           is_word (c, j, "week") || is_word (c, j, "month")))
        return j + 1;
    }
  /* early June, late 2023, mid-April, mid-2024 */
  if (is_class (c, i, W_EDGE) && same_line (c, i, i + 1, FALSE) && !ascii_ieq (c, i, "earlier") &&
      !ascii_ieq (c, i, "later"))
    {
      if (is_class (c, i + 1, W_MONTH) && has_flag (c, i + 1, F_CAP))
        return month_date (c, i + 1, &specific);
      if (is_year (c, i + 1))
        return i + 2;
    }
  if (is_edge_date (c, i))
    {
      if (is_year (c, i + 1) && same_line (c, i, i + 1, FALSE))
        return i + 2;
      return i + 1;
    }

  /* today, yesterday, tomorrow; tonight (TIME) */
  if (ascii_ieq (c, i, "today") || ascii_ieq (c, i, "yesterday") || ascii_ieq (c, i, "tomorrow"))
    {
      if (is_class (c, i + 1, W_DAYPART) && same_line (c, i, i + 1, FALSE))
        {
          *kind = K_TIME;
          return i + 2;
        }
      *confidence = 0.85;
      return i + 1;
    }

  /* 2023, 2023-24, 2020 to 2023; the 1990s */
  if (is_year (c, i))
    {
      gboolean after_money = i > 0 && is_class (c, i - 1, W_CUR_SYMBOL);

      if (after_money || is_class (c, i + 1, W_UNIT | W_CURRENCY | W_PERCENT | W_SCALE))
        return i;
      /* "2000 troops": a count, unless a date preposition comes first */
      if (has_flag (c, i + 1, F_LOWER) && g_str_has_suffix (word (c, i + 1), "s") &&
          !(i > 0 && is_class (c, i - 1, W_DATE_PREP)) && !is_class (c, i + 1, W_STOP))
        return i;
      *confidence = 0.85;
      if (is_class (c, i + 1, W_RANGE) && is_year (c, i + 2) && same_line (c, i, i + 2, FALSE))
        return i + 3;
      return i + 1;
    }
  if (is_kind (c, i, BYLINE_TOKEN_NUMBER))
    {
      const char *w = word (c, i);

      /* 2023-24, 2020-2023 */
      if (strlen (w) >= 7 && w[4] == '-' && g_ascii_isdigit (w[0]) && atoi (w) >= 1000 &&
          atoi (w) <= 2199 && strchr (w, ',') == NULL && strchr (w, '.') == NULL)
        return i + 1;
    }
  if (is_decade (c, i))
    return i + 1;

  /* Q1, Q4 2024; the first quarter */
  if (i < c->n && strlen (word (c, i)) == 2 && word (c, i)[0] == 'Q' && word (c, i)[1] >= '1' &&
      word (c, i)[1] <= '4')
    return date_year (c, i + 1);
  if ((is_class (c, i, W_ORDINAL) || (is_kind (c, i, BYLINE_TOKEN_NUMBER) && has_flag (c, i, F_DIGIT) &&
                                      g_ascii_isalpha (word (c, i)[strlen (word (c, i)) - 1]))) &&
      (is_word (c, i + 1, "quarter") || is_word (c, i + 1, "half") || is_word (c, i + 1, "century")) &&
      same_line (c, i, i + 1, FALSE))
    {
      j = i + 2;
      if (is_word (c, j, "of") && is_year (c, j + 1))
        j += 2;
      else if (is_year (c, j))
        j++;
      return j;
    }

  /* three days, two years ago, 10 months; two hours (TIME) */
  if (!is_word (c, i, "a") && !is_word (c, i, "an") && !is_class (c, i, W_VAGUE))
    {
      j = parse_number (c, i, FALSE, &num);
      if (j > i && same_line (c, j - 1, j, FALSE) && !num.vague)
        {
          if (is_class (c, j, W_DATE_UNIT))
            {
              j++;
              if (is_word (c, j, "ago") || is_word (c, j, "old") || is_word (c, j, "earlier") ||
                  is_word (c, j, "later"))
                j++;
              *confidence = 0.85;
              return j;
            }
          if (is_class (c, j, W_TIME_UNIT) && !is_word (c, j, "second"))
            {
              *kind = K_TIME;
              *confidence = 0.85;
              return j + 1;
            }
        }
    }
  /* a year ago, a month earlier */
  if ((ascii_ieq (c, i, "a") || ascii_ieq (c, i, "an")) && is_class (c, i + 1, W_DATE_UNIT) &&
      (is_word (c, i + 2, "ago") || is_word (c, i + 2, "earlier") || is_word (c, i + 2, "later")) &&
      same_line (c, i, i + 2, FALSE))
    {
      *confidence = 0.85;
      return i + 3;
    }
  /* decades, "for decades" */
  if (is_word (c, i, "decades") || is_word (c, i, "centuries"))
    {
      *confidence = 0.6;
      return i + 1;
    }
  /* recent years, recent weeks */
  if (ascii_ieq (c, i, "recent") && is_class (c, i + 1, W_DATE_UNIT) && same_line (c, i, i + 1, FALSE))
    {
      *confidence = 0.8;
      return i + 2;
    }

  /* three-day, 40-year-old, 24-hour (TIME) */
  switch (hyphen_unit (c, i) & (W_DATE_UNIT | W_TIME_UNIT))
    {
    case W_DATE_UNIT:
      *confidence = 0.85;
      return i + 1;
    case W_TIME_UNIT:
      *kind = K_TIME;
      *confidence = 0.85;
      return i + 1;
    default:
      break;
    }
  return i;
}

/* A time at @i: 10:30 a.m. ET, 10 a.m., 3pm, noon, midnight, this
 * morning, tonight. */
static guint
match_time (const Ctx *c,
            guint      i,
            double    *confidence)
{
  const char *w;
  guint j = i;

  if (i >= c->n)
    return i;
  w = word (c, i);
  *confidence = 0.9;
  if (is_kind (c, i, BYLINE_TOKEN_NUMBER))
    {
      char *end = NULL;
      long h = strtol (w, &end, 10);

      if (end != w && *end == ':' && g_ascii_isdigit (end[1]) && g_ascii_isdigit (end[2]) &&
          (end[3] == '\0' || end[3] == ':') && h >= 0 && h <= 24)
        j = i + 1;
      else if (end != w && *end == '\0' && h >= 1 && h <= 12 && is_class (c, i + 1, W_AMPM) &&
               same_line (c, i, i + 1, FALSE))
        j = i + 1;
      else
        return i;
      if (is_class (c, j, W_AMPM) && same_line (c, j - 1, j, FALSE))
        j++;
      else if (j == i + 1 && *end != ':')
        return i;
    }
  else if (c->tok[i].kind == BYLINE_TOKEN_WORD && has_flag (c, i, F_DIGIT))
    {
      /* 10am, 3pm, 10:30pm */
      const char *p = w;

      while (g_ascii_isdigit (*p) || *p == ':')
        p++;
      if (g_ascii_strcasecmp (p, "am") != 0 && g_ascii_strcasecmp (p, "pm") != 0)
        return i;
      j = i + 1;
    }
  else if (ascii_ieq (c, i, "noon") || ascii_ieq (c, i, "midnight") || ascii_ieq (c, i, "midday") ||
           ascii_ieq (c, i, "tonight") || ascii_ieq (c, i, "overnight"))
    return i + 1;
  else
    return i;
  /* the time zone */
  if (is_class (c, j, W_TZ) && same_line (c, j - 1, j, FALSE))
    j++;
  return j;
}

/* The currency before a number at @i: $, €, US$, HK$, USD. Returns the
 * token after it, or @i. */
static guint
currency_before (const Ctx *c,
                 guint      i)
{
  if (is_class (c, i, W_CUR_PREFIX) && is_word (c, i + 1, "$") && has_flag (c, i + 1, F_GLUED))
    return i + 2;
  if (is_class (c, i, W_CUR_SYMBOL))
    return i + 1;
  if (is_class (c, i, W_CURRENCY) && has_flag (c, i, F_ALLCAPS) && same_line (c, i, i + 1, FALSE) &&
      (is_kind (c, i + 1, BYLINE_TOKEN_NUMBER) || has_flag (c, i + 1, F_DIGIT)))
    return i + 1;
  return i;
}

/* The currency after a number at @j: dollars, yuan, US dollars, Hong
 * Kong dollars. Returns the token after it, or @j. */
static guint
currency_after (const Ctx *c,
                guint      j,
                gboolean   scaled)
{
  if (!same_line (c, j - 1, j, FALSE))
    return j;
  if (is_class (c, j, W_CURRENCY) && !is_class (c, j, W_UNIT))
    return j + 1;
  /* million pounds; 10 pounds is a weight */
  if (scaled && (is_word (c, j, "pounds") || is_word (c, j, "pound")))
    return j + 1;
  if (is_word (c, j, "pounds") && is_word (c, j + 1, "sterling"))
    return j + 2;
  /* US dollars, Canadian dollars, Hong Kong dollars */
  for (guint k = 1; k <= 2; k++)
    {
      if (has_flag (c, j + k - 1, F_CAP) && is_class (c, j + k, W_CURRENCY) &&
          same_line (c, j, j + k, FALSE))
        return j + k + 1;
    }
  return j;
}

/* Money at @i: $1.5 billion, US$3, €20, 1 million yuan, USD 5,
 * billions of dollars; with a range ($1 billion to $2 billion). */
static guint
match_money (const Ctx *c,
             guint      i)
{
  guint j = currency_before (c, i), k;
  Number num;

  if (j > i)
    {
      k = parse_number (c, j, TRUE, &num);
      if (k == j || !same_line (c, i, k - 1, FALSE) || num.vague)
        return i;
      j = k;
      /* $1 billion to $2 billion, $10-$15 */
      if (is_class (c, j, W_RANGE) && currency_before (c, j + 1) > j + 1 && same_line (c, j, j + 1, FALSE))
        {
          guint m = currency_before (c, j + 1);

          k = parse_number (c, m, TRUE, &num);
          if (k > m && same_line (c, j, k - 1, FALSE))
            j = k;
        }
      return j;
    }
  /* billions of dollars */
  if (is_class (c, i, W_VAGUE) && is_word (c, i + 1, "of") && is_class (c, i + 2, W_CURRENCY) &&
      same_line (c, i, i + 2, FALSE))
    return i + 3;
  k = parse_number (c, i, TRUE, &num);
  if (k == i || num.vague)
    return i;
  j = currency_after (c, k, num.scaled);
  return j > k ? j : i;
}

/* A percentage at @i: 3%, 3 percent, 3 per cent, 3.5 percentage points,
 * 50 basis points; with a range (3% to 5%). */
static guint
match_percent (const Ctx *c,
               guint      i)
{
  Number num;
  guint j = parse_number (c, i, FALSE, &num), k;

  if (j == i || num.vague || !same_line (c, j - 1, j, FALSE))
    return i;
  if (is_class (c, j, W_PERCENT))
    k = j + 1;
  else if (is_word (c, j, "per") && is_word (c, j + 1, "cent"))
    k = j + 2;
  else if ((is_word (c, j, "percentage") || is_word (c, j, "basis")) &&
           (is_word (c, j + 1, "points") || is_word (c, j + 1, "point")))
    k = j + 2;
  else
    return i;
  /* 3% to 5% */
  if (is_class (c, k, W_RANGE) && same_line (c, k, k + 1, FALSE))
    {
      guint m = match_percent (c, k + 1);

      if (m > k + 1)
        k = m;
    }
  return k;
}

/* A quantity at @i: 5 kilometers, 10 tons, 1 million barrels per day,
 * 300 square kilometers, 5km, a 5-kilometer run. */
static guint
match_quantity (const Ctx *c,
                guint      i)
{
  static const char * const unit_suffixes[] = {
    "km", "kg", "mm", "cm", "m", "ft", "mi", "mph", "MW", "GW", "kW", "kWh", "GWh", "TWh",
    "lb", "lbs", "t", "nm", "GB", "TB", "MB",
  };
  Number num;
  guint j, k;
  double v;

  if (hyphen_unit (c, i) & W_UNIT)
    return i + 1;
  if (c->tok[i].kind == BYLINE_TOKEN_WORD && has_flag (c, i, F_DIGIT))
    {
      const char *suffix = digits_suffix (word (c, i), &v);

      for (guint u = 0; suffix != NULL && u < G_N_ELEMENTS (unit_suffixes); u++)
        {
          if (strcmp (suffix, unit_suffixes[u]) == 0)
            return i + 1;
        }
      return i;
    }
  j = parse_number (c, i, FALSE, &num);
  if (j == i || num.vague || !same_line (c, j - 1, j, FALSE))
    return i;
  k = j;
  /* square kilometers, metric tons, cubic meters, nautical miles */
  if ((is_word (c, k, "square") || is_word (c, k, "sq") || is_word (c, k, "metric") ||
       is_word (c, k, "cubic") || is_word (c, k, "nautical")) && is_class (c, k + 1, W_UNIT))
    k++;
  if (!is_class (c, k, W_UNIT) || is_word (c, k, "square") || is_word (c, k, "metric") ||
      !same_line (c, j - 1, k, FALSE))
    return i;
  k++;
  /* degrees Celsius, barrels per day, barrels a day */
  if (is_word (c, k, "Celsius") || is_word (c, k, "Fahrenheit") || is_word (c, k, "C") ||
      is_word (c, k, "F"))
    k++;
  else if ((is_word (c, k, "per") || is_word (c, k, "a")) &&
           (is_word (c, k + 1, "day") || is_word (c, k + 1, "hour") || is_word (c, k + 1, "year") ||
            is_word (c, k + 1, "second")) && same_line (c, k, k + 1, FALSE))
    k += 2;
  return k;
}

static gboolean
all_free (const Ctx *c,
          guint      i,
          guint      j)
{
  for (guint k = i; k < j; k++)
    {
      if (!is_free (c, k))
        return FALSE;
    }
  return TRUE;
}

static gboolean
pass_patterns (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      double confidence = 0.9;
      Kind kind = K_NONE;
      guint j;

      if (cancelled (c, i))
        return FALSE;
      if (!is_free (c, i) || c->tok[i].kind == BYLINE_TOKEN_URL || c->tok[i].kind == BYLINE_TOKEN_EMAIL)
        continue;
      /* every pattern starts with a number, a symbol or a listed word
       * (Q1 aside) */
      if (c->info[i] == NULL && c->tok[i].kind == BYLINE_TOKEN_WORD &&
          !(c->flags[i] & (F_DIGIT | F_HYPHEN)) && word (c, i)[0] != 'Q')
        continue;

      if ((j = match_money (c, i)) > i)
        kind = K_MONEY, confidence = 0.95;
      else if ((j = match_percent (c, i)) > i)
        kind = K_PERCENT, confidence = 0.95;
      else if ((j = match_time (c, i, &confidence)) > i)
        kind = K_TIME;
      else if ((j = match_date (c, i, &confidence, &kind)) > i)
        ;
      else if ((j = match_quantity (c, i)) > i)
        kind = K_QUANTITY, confidence = 0.85;
      else
        continue;
      if (!all_free (c, i, j))
        continue;
      emit (c, i, j, kind, confidence);
      i = j - 1;
    }
  return TRUE;
}

/* }}} */
/* {{{ Pass 2: gazetteers, titles and people */

/* The longest gazetteer phrase at @i, in tokens (0 for none), over free
 * tokens of one line. */
static guint
match_phrase (Ctx   *c,
              guint  i,
              Kind  *kind)
{
  guint longest, limit = 0;

  *kind = K_NONE;
  if (!is_free (c, i))
    return 0;
  longest = GPOINTER_TO_UINT (g_hash_table_lookup (c->gaz->first, word (c, i)));
  if (longest == 0)
    return 0;
  while (limit < longest && i + limit < c->n && is_free (c, i + limit) &&
         (limit == 0 || !(c->flags[i + limit] & F_BREAK)))
    limit++;
  for (guint len = limit; len >= 1; len--)
    {
      gpointer found;

      g_string_truncate (c->key, 0);
      for (guint k = i; k < i + len; k++)
        {
          if (k > i)
            g_string_append_c (c->key, ' ');
          g_string_append (c->key, word (c, k));
        }
      found = g_hash_table_lookup (c->gaz->phrases, c->key->str);
      if (found != NULL)
        {
          *kind = GPOINTER_TO_UINT (found);
          return len;
        }
    }
  return 0;
}

/* A phrase in capitals among capitals is a headline, not an acronym
 * ("WHO WILL PAY"). */
static gboolean
shouting (const Ctx *c,
          guint      i,
          guint      j)
{
  gboolean before = i > 0 && has_flag (c, i - 1, F_ALLCAPS) && same_line (c, i - 1, i, FALSE);
  gboolean after = has_flag (c, j, F_ALLCAPS) && same_line (c, j - 1, j, FALSE);

  return before || after;
}

/* A capital, a period: J. */
static gboolean
is_initial (const Ctx *c,
            guint      i)
{
  const char *w;

  if (!is_kind (c, i, BYLINE_TOKEN_ABBREVIATION))
    return FALSE;
  w = word (c, i);
  return g_ascii_isupper (w[0]) && w[1] == '.' && (w[2] == '\0' || (g_ascii_isupper (w[2]) && w[3] == '.'));
}

/* A word that may be part of a person's name at @i: capitalised,
 * name-like, no function word, month or weekday, not the last word of an
 * organisation or a place (University, River), not in the gazetteers but
 * as a single-word place ("Lloyd Austin"). al-Assad counts. */
static gboolean
name_word (Ctx     *c,
           guint    i,
           gboolean first)
{
  Kind kind;
  guint len;

  if (!is_free (c, i))
    return FALSE;
  if (!has_flag (c, i, F_NAME) && !g_hash_table_contains (c->gaz->first_names, word (c, i)))
    {
      const char *w = word (c, i);

      /* al-Assad, el-Sisi, bin-Salman */
      if (!(c->flags[i] & F_LOWER) || !(c->flags[i] & F_HYPHEN) ||
          !(g_str_has_prefix (w, "al-") || g_str_has_prefix (w, "el-")) || !g_ascii_isupper (w[3]))
        return FALSE;
    }
  if (is_class (c, i, W_STOP | W_WEEKDAY | W_NOT_NAME | W_NUM | W_ORDINAL | W_REL))
    return FALSE;
  /* a month left free by the dates is a surname after a given name
   * ("Theresa May"), never a name's first word ("Jan Hatzius"?) */
  if (first && is_class (c, i, W_MONTH))
    return FALSE;
  if (c->info[i] != NULL && c->info[i]->suffix != S_NONE)
    return FALSE;
  len = match_phrase (c, i, &kind);
  /* a single-word place or title inside a name ("Lloyd Austin", "Martin
   * Luther King"), never first after a title ("Secretary Austin") */
  if (len >= 2 && kind != K_TITLE)
    return FALSE;
  if (len == 1 && kind != K_GPE && kind != K_TITLE)
    return FALSE;
  if (len == 1 && first)
    return FALSE;
  return TRUE;
}

/* The name after a title, or after a given name: up to @max name words,
 * with initials (J.), particles (bin, van) and suffixes (Jr.) inside.
 * Returns the token after it, or @i. */
static guint
name_chain (Ctx     *c,
            guint    i,
            guint    max,
            gboolean after_title)
{
  guint j = i, names = 0;
  /* after a given name, a particle may come first: "Ursula von der Leyen" */
  gboolean named = !after_title;

  while (j < c->n && names < max && (j == i || same_line (c, j - 1, j, FALSE)))
    {
      if (is_initial (c, j) && is_free (c, j) && (names > 0 || !after_title || name_word (c, j + 1, FALSE)))
        {
          j++;
          continue;
        }
      if ((names > 0 || named) && is_class (c, j, W_PARTICLE) && has_flag (c, j, F_LOWER) &&
          same_line (c, j, j + 1, FALSE) &&
          (name_word (c, j + 1, FALSE) || (is_class (c, j + 1, W_PARTICLE) && name_word (c, j + 2, FALSE))))
        {
          j++;
          continue;
        }
      if (!name_word (c, j, j == i && after_title))
        break;
      j++;
      names++;
    }
  while (j > i && (is_initial (c, j - 1) || is_class (c, j - 1, W_PARTICLE)))
    j--;
  if (names == 0 || j == i)
    return i;
  if (is_class (c, j, W_NAME_SUFFIX) && same_line (c, j - 1, j, FALSE) && is_free (c, j))
    j++;
  return j;
}

/* Hanyu Pinyin, roughly: an initial and a final, one or two syllables
 * ("Jinping", "Yi", "Qiang", "Lifeng"). */
static guint
pinyin_syllable (const char *p)
{
  static const char * const initials[] = {
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
    "r", "z", "c", "s", "y", "w", "",
  };
  static const char * const finals[] = {
    "iang", "iong", "uang", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
    "ao", "ou", "an", "en", "in", "un", "er", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "a",
    "o", "e", "i", "u", "v",
  };
  guint best = 0;

  for (guint a = 0; a < G_N_ELEMENTS (initials); a++)
    {
      gsize la = strlen (initials[a]);

      if (strncmp (p, initials[a], la) != 0)
        continue;
      for (guint b = 0; b < G_N_ELEMENTS (finals); b++)
        {
          gsize lb = strlen (finals[b]);

          if (strncmp (p + la, finals[b], lb) == 0 && la + lb > best)
            best = la + lb;
        }
    }
  return best;
}

static gboolean
is_pinyin_from (const char *p,
                guint       syllables)
{
  guint n;

  if (*p == '\0')
    return TRUE;
  if (syllables == 0)
    return FALSE;
  /* try each syllable length at p, longest first */
  n = pinyin_syllable (p);
  for (guint len = n; len >= 1; len--)
    {
      g_autofree char *head = g_strndup (p, len);

      if (pinyin_syllable (head) == len && is_pinyin_from (p + len, syllables - 1))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_pinyin (const char *w)
{
  char buf[16];
  gsize len = strlen (w);

  if (len < 2 || len >= sizeof buf || !g_ascii_isupper (w[0]))
    return FALSE;
  for (gsize k = 0; k <= len; k++)
    {
      if (k > 0 && k < len && !g_ascii_islower (w[k]))
        return FALSE;
      buf[k] = g_ascii_tolower (w[k]);
    }
  return is_pinyin_from (buf, 2);
}

/* Jae-in, Ching-te: a capital, lowercase, a hyphen, lowercase. */
static gboolean
is_hyphenated_given_name (const char *w)
{
  const char *hyphen = strchr (w, '-');

  if (hyphen == NULL || hyphen == w || !g_ascii_isupper (w[0]) || hyphen[1] == '\0')
    return FALSE;
  for (const char *p = w + 1; *p != '\0'; p++)
    {
      if (p != hyphen && !g_ascii_islower (*p))
        return FALSE;
    }
  return TRUE;
}

/* "Xi Jinping", "Wang Yi", "Yoon Suk Yeol", "Lai Ching-te" at @i.
 * Returns the token after it, or @i. */
static guint
east_asian_name (Ctx   *c,
                 guint  i)
{
  guint type = GPOINTER_TO_UINT (g_hash_table_lookup (c->gaz->family_names, word (c, i)));
  const char *given;
  gboolean pinyin;
  guint j = i + 1;

  if (type == 0 || !has_flag (c, i, F_NAME) || !same_line (c, i, j, FALSE) || !name_word (c, j, TRUE))
    return i;
  given = word (c, j);
  pinyin = is_pinyin (given);
  if (!pinyin && !is_hyphenated_given_name (given))
    {
      char lower[16];
      gsize len = strlen (given);

      if (type == 2 || len > 8 || len >= sizeof lower)
        return i;
      for (gsize k = 0; k <= len; k++)
        lower[k] = g_ascii_tolower (given[k]);
      if (g_hash_table_contains (c->lowercase, lower))
        return i;
      /* "Yoon Suk Yeol", "Nguyen Phu Trong": one more short name */
      if (same_line (c, j, j + 1, FALSE) && name_word (c, j + 1, FALSE) && strlen (word (c, j + 1)) <= 5)
        return j + 2;
    }
  return j + 1;
}

/* Remembers a person's surname (the family name of an East Asian name)
 * and full name, for mentions by surname alone. */
static void
remember_person (Ctx   *c,
                 guint  i,
                 guint  j)
{
  guint last = j - 1;

  while (last > i && (is_class (c, last, W_NAME_SUFFIX) || is_initial (c, last)))
    last--;
  if (g_hash_table_contains (c->gaz->family_names, word (c, i)) && j - i >= 2 &&
      (is_pinyin (word (c, i + 1)) || is_hyphenated_given_name (word (c, i + 1))) &&
      !g_hash_table_contains (c->gaz->first_names, word (c, i)))
    last = i;
  if (has_flag (c, last, F_NAME) && !is_class (c, last, W_STOP))
    g_hash_table_add (c->people, g_strdup (word (c, last)));
  if (j - i >= 2)
    {
      GString *full = g_string_new (NULL);

      for (guint k = i; k < j; k++)
        {
          if (k > i)
            g_string_append_c (full, ' ');
          g_string_append (full, word (c, k));
        }
      g_hash_table_add (c->people, g_string_free (full, FALSE));
    }
}

/* The end of the run of capitalised words at @i (with "of", "for"
 * inside: "Bank of America"; and with "and", "on" when @with_and:
 * "Ministry of Ecology and Environment", "Subcommittee on the …"). */
static guint
capital_run (const Ctx *c,
             guint      i,
             gboolean   with_and)
{
  guint j = i;

  while (j < c->n && j - i < MAX_RUN && is_free (c, j) && (j == i || same_line (c, j - 1, j, TRUE)))
    {
      if (has_flag (c, j, F_CAP) &&
          (c->tok[j].kind == BYLINE_TOKEN_WORD || c->tok[j].kind == BYLINE_TOKEN_ABBREVIATION))
        j++;
      else if (j > i && is_class (c, j, W_CONNECT) && !has_flag (c, j, F_CAP) &&
               (with_and || !(is_word (c, j, "and") || is_word (c, j, "&") || is_word (c, j, "on"))) &&
               same_line (c, j, j + 1, TRUE) && is_free (c, j + 1) &&
               ((has_flag (c, j + 1, F_CAP) && c->tok[j + 1].kind == BYLINE_TOKEN_WORD) ||
                (is_word (c, j + 1, "the") && same_line (c, j + 1, j + 2, TRUE) &&
                 has_flag (c, j + 2, F_CAP) && is_free (c, j + 2))))
        j++;
      else if (j > i && is_word (c, j, "the") && is_class (c, j - 1, W_CONNECT) &&
               has_flag (c, j + 1, F_CAP) && same_line (c, j, j + 1, TRUE))
        j++;
      else
        break;
    }
  return j;
}

/* Whether a NORP/LANGUAGE word at @i is the language: "in Chinese",
 * "speaks English," — not "in Chinese companies". */
static gboolean
language_context (const Ctx *c,
                  guint      i)
{
  if (!g_hash_table_contains (c->gaz->languages, word (c, i)))
    return FALSE;
  if (i == 0 || !is_class (c, i - 1, W_LANG_CUE) || !same_line (c, i - 1, i, FALSE))
    return FALSE;
  if (i + 1 >= c->n || !same_line (c, i, i + 1, FALSE))
    return TRUE;
  if (c->tok[i + 1].kind == BYLINE_TOKEN_PUNCT)
    return TRUE;
  return is_class (c, i + 1, W_STOP | W_CONNECT) && !is_word (c, i + 1, "of");
}

/* Splits "US-China", "Russia-Ukraine", "pro-Russian" into their
 * gazetteer parts. */
static void
hyphen_parts (Ctx   *c,
              guint  i)
{
  const char *w = word (c, i);
  const char *p = w;
  guint found = 0;
  Found parts[4];

  while (*p != '\0' && found < G_N_ELEMENTS (parts))
    {
      const char *end = strchr (p, '-');
      g_autofree char *part = end != NULL ? g_strndup (p, end - p) : g_strdup (p);
      gpointer kind = *part != '\0' && g_unichar_isupper (g_utf8_get_char (part))
                      ? g_hash_table_lookup (c->gaz->phrases, part) : NULL;
      Kind k = GPOINTER_TO_UINT (kind);

      if (k == K_GPE || k == K_NORP || k == K_ORG || k == K_LOC)
        {
          guint start = c->tok[i].start + (guint) g_utf8_pointer_to_offset (w, p);

          parts[found].start = start;
          parts[found].end = start + (guint) g_utf8_strlen (part, -1);
          parts[found].kind = k;
          parts[found].confidence = 0.85;
          found++;
        }
      if (end == NULL)
        break;
      p = end + 1;
    }
  if (found > 0)
    {
      g_array_append_vals (c->found, parts, found);
      c->taken[i] = K_SKIP;
    }
}

/* Inc., Corp., Ltd.: the end of a company's name */
static gboolean
is_corporate (const Ctx *c,
              guint      i)
{
  static const char * const suffixes[] = {
    "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "AG", "SA",
    "GmbH", "Group", "Holdings",
  };

  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    {
      if (is_word (c, i, suffixes[k]))
        return TRUE;
    }
  return FALSE;
}

/* A place in capitals opening a line and followed by "(", "," or a
 * dash: a dateline ("WASHINGTON (AP) —", "NEW YORK, May 2"). Returns
 * its length in tokens, or 0. */
static guint
dateline (Ctx   *c,
          guint  i)
{
  guint j = i;

  if (!has_flag (c, i, F_ALLCAPS) || !(has_flag (c, i, F_BREAK) || i == 0))
    return 0;
  while (j < c->n && j - i < 3 && has_flag (c, j, F_ALLCAPS) && c->tok[j].kind == BYLINE_TOKEN_WORD &&
         is_free (c, j) && (j == i || same_line (c, j - 1, j, FALSE)))
    j++;
  if (j == i || j >= c->n || !same_line (c, j - 1, j, FALSE) ||
      !(is_word (c, j, "(") || is_word (c, j, ",") || is_word (c, j, "—") || is_word (c, j, "–") ||
        is_word (c, j, "-")))
    return 0;
  g_string_truncate (c->key, 0);
  for (guint k = i; k < j; k++)
    {
      g_autofree char *down = g_utf8_strdown (word (c, k), -1);
      gunichar first = g_utf8_get_char (down);

      if (k > i)
        g_string_append_c (c->key, ' ');
      g_string_append_unichar (c->key, g_unichar_totitle (first));
      g_string_append (c->key, g_utf8_next_char (down));
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (c->gaz->phrases, c->key->str)) == K_GPE ? j - i : 0;
}

static gboolean
pass_names (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      Kind kind;
      guint len, person = i, run;

      if (cancelled (c, i))
        return FALSE;
      if (!is_free (c, i) || (c->tok[i].kind != BYLINE_TOKEN_WORD &&
                              c->tok[i].kind != BYLINE_TOKEN_ABBREVIATION &&
                              c->tok[i].kind != BYLINE_TOKEN_NUMBER))
        continue;

      /* WASHINGTON (AP) —, BEIJING, March 5 (Reuters) - */
      if ((len = dateline (c, i)) > 0)
        {
          emit (c, i, i + len, K_GPE, 0.85);
          i += len - 1;
          continue;
        }
      len = match_phrase (c, i, &kind);

      /* A title, then the person's name: "Secretary of State Antony
       * Blinken" is PERSON "Antony Blinken". */
      if (kind == K_TITLE)
        {
          guint j = name_chain (c, i + len, 4, TRUE);

          /* "Judge Rules Against Trump": one word after a title in a
           * Title Case headline is no evidence */
          if (j == i + len + 1 && has_flag (c, i, F_HEADLINE))
            j = i + len;
          take (c, i, i + len, K_TITLE);
          if (j > i + len)
            {
              emit (c, i + len, j, K_PERSON, has_flag (c, i, F_LOWER) ? 0.75 : 0.9);
              remember_person (c, i + len, j);
            }
          i = MAX (j, i + len) - 1;
          continue;
        }

      /* A given name and a surname, or an East Asian name; a gazetteer
       * phrase as long wins ("Charles Schwab", "Hong Kong"). */
      if (has_flag (c, i, F_NAME) || is_kind (c, i, BYLINE_TOKEN_ABBREVIATION))
        {
          if (g_hash_table_contains (c->gaz->first_names, word (c, i)))
            person = name_chain (c, i + 1, 3, FALSE) > i + 1 ? name_chain (c, i + 1, 3, FALSE) : i;
          if (person == i)
            person = east_asian_name (c, i);
          if (person > i + len)
            {
              emit (c, i, person, K_PERSON, 0.85);
              remember_person (c, i, person);
              i = person - 1;
              continue;
            }
        }

      if (kind == K_NONE)
        {
          if (has_flag (c, i, F_HYPHEN))
            hyphen_parts (c, i);
          continue;
        }
      if (has_flag (c, i, F_ALLCAPS) && shouting (c, i, i + len))
        continue;

      /* "Beijing Normal University", "United Nations Security Council",
       * "Apple Inc.": a known name inside a longer organisation or
       * building is the whole of it. */
      run = capital_run (c, i, FALSE);
      if (run > i + len && c->info[run - 1] != NULL &&
          (c->info[run - 1]->suffix == S_ORG || c->info[run - 1]->suffix == S_FAC) &&
          kind != K_BODY && kind != K_TITLE)
        {
          guint body_len;
          Kind body = K_NONE;

          body_len = (kind == K_GPE || kind == K_NORP) ? match_phrase (c, i + len, &body) : 0;
          if (!(body == K_BODY && i + len + body_len == run))
            {
              gboolean corporate = kind == K_ORG && run == i + len + 1 && is_corporate (c, run - 1);

              emit (c, i, run, c->info[run - 1]->suffix == S_ORG ? K_ORG : K_FAC,
                    corporate ? 0.9 : 0.6);
              i = run - 1;
              continue;
            }
        }

      /* US State Department, Chinese Foreign Ministry */
      if (kind == K_GPE || kind == K_NORP)
        {
          Kind body;
          guint body_len = same_line (c, i + len - 1, i + len, TRUE) ? match_phrase (c, i + len, &body) : 0;

          if (body_len > 0 && body == K_BODY)
            {
              emit (c, i, i + len + body_len, K_ORG, 0.9);
              i += len + body_len - 1;
              continue;
            }
        }
      if (kind == K_NORP && len == 1 && language_context (c, i))
        kind = K_LANGUAGE;
      /* Apple Inc. */
      if (kind == K_ORG && is_corporate (c, i + len) && is_free (c, i + len) &&
          same_line (c, i + len - 1, i + len, FALSE))
        len++;
      emit (c, i, i + len, kind == K_BODY ? K_ORG : kind, 0.9);
      i += len - 1;
    }
  return TRUE;
}

/* }}} */
/* {{{ Pass 3: ordinals and cardinals */

static gboolean
is_ordinal_digits (const Ctx *c,
                   guint      i)
{
  const char *w;
  gsize len;

  if (!is_kind (c, i, BYLINE_TOKEN_NUMBER))
    return FALSE;
  w = word (c, i);
  len = strlen (w);
  return len >= 3 && g_ascii_isdigit (w[0]) &&
         (g_str_has_suffix (w, "st") || g_str_has_suffix (w, "nd") || g_str_has_suffix (w, "rd") ||
          g_str_has_suffix (w, "th"));
}

/* twenty-first */
static gboolean
is_ordinal_compound (const Ctx *c,
                     guint      i)
{
  const char *w, *hyphen;
  const WordInfo *info;

  if (i >= c->n || !(c->flags[i] & F_HYPHEN))
    return FALSE;
  w = word (c, i);
  hyphen = strchr (w, '-');
  info = hyphen != NULL ? g_hash_table_lookup (c->gaz->lexicon, hyphen + 1) : NULL;
  if (info == NULL || !(info->classes & W_ORDINAL))
    return FALSE;
  return g_ascii_strncasecmp (w, "twenty-", 7) == 0 || g_ascii_strncasecmp (w, "thirty-", 7) == 0 ||
         g_ascii_strncasecmp (w, "forty-", 6) == 0 || g_ascii_strncasecmp (w, "fifty-", 6) == 0 ||
         g_ascii_strncasecmp (w, "sixty-", 6) == 0 || g_ascii_strncasecmp (w, "seventy-", 8) == 0 ||
         g_ascii_strncasecmp (w, "eighty-", 7) == 0 || g_ascii_strncasecmp (w, "ninety-", 7) == 0;
}

static gboolean
pass_numbers (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      Number num;
      guint j;

      if (cancelled (c, i))
        return FALSE;
      if (!is_free (c, i))
        continue;

      /* first, 26th, twenty-first; not "a second", "one second" */
      if (is_class (c, i, W_ORDINAL) || is_ordinal_digits (c, i) || is_ordinal_compound (c, i))
        {
          if (is_word (c, i, "second") && i > 0 &&
              (is_word (c, i - 1, "a") || is_word (c, i - 1, "per") || is_word (c, i - 1, "one") ||
               is_word (c, i - 1, "split") || is_kind (c, i - 1, BYLINE_TOKEN_NUMBER)))
            continue;
          emit (c, i, i + 1, K_ORDINAL, is_ordinal_digits (c, i) ? 0.9 : 0.85);
          continue;
        }

      /* "1." opening a numbered line is no count */
      if (is_kind (c, i, BYLINE_TOKEN_NUMBER) && has_flag (c, i, F_INITIAL) && is_word (c, i + 1, ".") &&
          has_flag (c, i, F_BREAK))
        continue;
      j = parse_number (c, i, FALSE, &num);
      if (j == i || !all_free (c, i, j))
        continue;
      /* on the one hand */
      if (ascii_ieq (c, i, "one") && j == i + 1)
        {
          if (is_word (c, i + 1, "hand") || is_word (c, i + 1, "another"))
            continue;
          emit (c, i, j, K_CARDINAL, 0.5);
        }
      else if (num.vague)
        {
          /* "tens" alone is no count */
          if (ascii_ieq (c, i, "tens") && j == i + 1)
            continue;
          emit (c, i, j, K_CARDINAL, 0.6);
        }
      else
        emit (c, i, j, K_CARDINAL, num.digits ? 0.85 : 0.8);
      i = j - 1;
    }
  return TRUE;
}

/* }}} */
/* {{{ Pass 4: surnames, then guesses */

/* A word that is common in this text or in English: "The", "But",
 * "Data" when the text also writes "data". */
static gboolean
common_word (const Ctx *c,
             guint      i)
{
  const char *w = word (c, i);
  char buf[64];
  gsize len = strlen (w);

  if (is_class (c, i, W_STOP | W_REL | W_EDGE | W_DATE_PREP | W_NUM | W_ORDINAL | W_NOT_NAME | W_REPORT))
    return TRUE;
  if (len >= sizeof buf || (c->flags[i] & F_ALLCAPS))
    return FALSE;
  for (gsize k = 0; k <= len; k++)
    buf[k] = g_ascii_tolower (w[k]);
  if (!g_unichar_islower (g_utf8_get_char (buf)))
    {
      /* a non-ASCII capital: lowercase it properly */
      g_autofree char *down = g_utf8_strdown (w, -1);

      return g_hash_table_contains (c->lowercase, down);
    }
  return g_hash_table_contains (c->lowercase, buf);
}

/* The longest run of remembered names at @i: "Blinken", "Wang Yi". */
static guint
known_person (Ctx   *c,
              guint  i,
              guint  end)
{
  for (guint len = MIN (end - i, 4); len >= 1; len--)
    {
      g_string_truncate (c->key, 0);
      for (guint k = i; k < i + len; k++)
        {
          if (k > i)
            g_string_append_c (c->key, ' ');
          g_string_append (c->key, word (c, k));
        }
      if (g_hash_table_contains (c->people, c->key->str))
        return i + len;
    }
  return i;
}

/* What a capitalised sequence [i, j) looks like: by its last word
 * (…University), its first (University of…, Mount…), or its shape. */
static Kind
guess (const Ctx *c,
       guint      i,
       guint      j,
       double    *confidence)
{
  const WordInfo *last = c->info[j - 1];
  const WordInfo *first = c->info[i];
  gboolean has_connector = FALSE, names = TRUE;
  static const Kind by_shape[] = { K_NONE, K_ORG, K_FAC, K_LOC, K_GPE, K_EVENT, K_LAW };

  for (guint k = i; k < j; k++)
    {
      has_connector = has_connector || !has_flag (c, k, F_CAP);
      names = names && has_flag (c, k, F_NAME) && !(c->info[k] != NULL && (c->info[k]->suffix || c->info[k]->head));
    }
  *confidence = 0.55;
  if (j - i >= 2 && last != NULL && last->suffix != S_NONE)
    {
      *confidence = last->suffix == S_ORG ? 0.6 : 0.55;
      return by_shape[last->suffix];
    }
  if (j - i >= 2 && first != NULL && first->head != S_NONE &&
      (is_word (c, i + 1, "of") || first->head == S_LOC || first->head == S_EVENT))
    return by_shape[first->head];
  /* "Subcommittee on the Coronavirus Pandemic", "Committee for the
   * Protection of Journalists": an organisation before its object */
  for (guint k = i + 1; k + 1 < j; k++)
    {
      if (!has_flag (c, k, F_CAP))
        {
          const WordInfo *before = c->info[k - 1];

          if (before != NULL && (before->suffix == S_ORG || before->head == S_ORG))
            {
              *confidence = 0.55;
              return K_ORG;
            }
          break;
        }
    }
  if (j - i == 1 && has_flag (c, i, F_ALLCAPS) && c->tok[i].kind == BYLINE_TOKEN_WORD &&
      strlen (word (c, i)) >= 2 && strlen (word (c, i)) <= 6 && !is_class (c, i, W_ACRONYM))
    {
      *confidence = 0.4;
      return K_ORG;
    }
  if (!names || has_connector)
    return K_NONE;
  /* Two or three name-like words: a person, more likely when said
   * follows; at the start of a sentence, only then ("Critics Say
   * Things" is no one). */
  if (j - i >= 2 && j - i <= 3)
    {
      gboolean said = is_class (c, j, W_REPORT) || (i > 0 && is_class (c, i - 1, W_REPORT));

      if (has_flag (c, i, F_INITIAL) && !is_class (c, j, W_REPORT))
        return K_NONE;
      *confidence = said ? 0.55 : 0.45;
      return K_PERSON;
    }
  if (j - i == 1 && is_class (c, j, W_REPORT) && !has_flag (c, i, F_INITIAL))
    {
      *confidence = 0.5;
      return K_PERSON;
    }
  return K_NONE;
}

static gboolean
pass_guesses (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      guint j, k;
      double confidence;
      Kind kind;

      if (cancelled (c, i))
        return FALSE;
      if (!is_free (c, i) || !has_flag (c, i, F_CAP))
        continue;

      /* Blinken, Blinken’s, Wang Yi: people named earlier (or later) */
      j = known_person (c, i, c->n);
      if (j > i && all_free (c, i, j) && same_line (c, i, j - 1, FALSE))
        {
          emit (c, i, j, K_PERSON, 0.8);
          i = j - 1;
          continue;
        }

      j = capital_run (c, i, TRUE);
      if (j == i)
        continue;
      /* drop common words in front ("The", "But", "Data" at the start of
       * a sentence; "The" anywhere) */
      k = i;
      while (k < j && (common_word (c, k) && (has_flag (c, k, F_INITIAL) || is_class (c, k, W_STOP | W_NOT_NAME))))
        k++;
      while (k < j && !has_flag (c, k, F_CAP))
        k++;
      while (j > k && !has_flag (c, j - 1, F_CAP))
        j--;
      if (k >= j)
        {
          i = MAX (i, j > 0 ? j - 1 : 0);
          continue;
        }
      if (k > i)
        {
          /* start again after the dropped words: a name may follow, but
           * it starts the sentence (or a headline) as much as they did */
          c->flags[k] |= F_INITIAL;
          take (c, i, k, K_SKIP);
          i = k - 1;
          continue;
        }
      if (has_flag (c, i, F_HEADLINE))
        {
          i = j - 1;
          continue;
        }
      /* a remembered surname inside the run */
      for (k = i; k < j && known_person (c, k, j) == k; k++)
        ;
      if (k < j && k > i)
        j = k;
      /* one word alone at the start of a sentence says nothing */
      if (j - i == 1 && has_flag (c, i, F_INITIAL) && !has_flag (c, i, F_ALLCAPS))
        {
          take (c, i, j, K_SKIP);
          continue;
        }
      kind = guess (c, i, j, &confidence);
      if (kind != K_NONE)
        {
          emit (c, i, j, kind, confidence);
          if (kind == K_PERSON)
            remember_person (c, i, j);
        }
      else
        take (c, i, j, K_SKIP);
      i = j - 1;
    }
  return TRUE;
}

/* People already in the document (a reviewer's or an earlier run's):
 * their surnames are known. */
static void
remember_context (Ctx               *c,
                  BylineSuggestions *s,
                  GArray            *tokens)
{
  g_autoptr(GPtrArray) people = byline_suggestions_find (s, "PERSON", TRUE);

  for (guint p = 0; p < people->len; p++)
    {
      BylineAnnotation *a = people->pdata[p];
      guint i = byline_tokens_find (tokens, byline_annotation_get_start (a));
      guint j = i;

      while (j < c->n && c->tok[j].end <= byline_annotation_get_end (a))
        j++;
      if (j > i && i < c->n && c->tok[i].start == byline_annotation_get_start (a) && j - i <= 6)
        remember_person (c, i, j);
    }
}

/* }}} */

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

static gboolean
extract_entities (const char         *text,
                  BylineSuggestions  *suggestions,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(GArray) tokens = NULL;
  Ctx c;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  tokens = byline_tokenize (text, -1);
  ctx_init (&c, gazetteer_get (), text, tokens, cancellable);
  remember_context (&c, suggestions, tokens);
  ok = pass_patterns (&c) && pass_names (&c) && pass_numbers (&c) && pass_guesses (&c);
  if (ok)
    {
      g_array_sort (c.found, compare_found);
      for (guint i = 0; i < c.found->len; i++)
        {
          const Found *f = &g_array_index (c.found, Found, i);

          byline_suggestions_add_span (suggestions, "entities", kind_labels[f->kind],
                                       f->start, f->end, f->confidence);
        }
    }
  ctx_clear (&c);
  if (!ok)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  return TRUE;
}

const BylineExtractor byline_extractor_entities = {
  "entities", N_("People, places, organisations, dates, numbers"), "rules:entities", extract_entities
};
