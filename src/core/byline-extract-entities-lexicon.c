/* byline-extract-entities-lexicon.c: the entities extractor's lexicon and gazetteers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words the rules know (months, numbers, units, currencies, function
 * words...), the last and first words that give a capitalised sequence its
 * shape (…University, Mount…), and the gazetteers of data/gazetteers/,
 * loaded once from the core's resources into one read-only Gazetteer.
 */
#include "config.h"

#include <string.h>

#include "byline-core-resources.h"
#include "byline-extract-entities-private.h"

#define GAZETTEER_PATH "/io/github/byline/Byline/gazetteers/"
#define MAX_PHRASE     10   /* tokens in the longest gazetteer entry looked for */

/* {{{ Lexicon */

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
void
_byline_entities_collect_words (const char *text,
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

  _byline_entities_collect_words (entry, tokens, words, word_at, NULL);
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
const Gazetteer *
_byline_entities_gazetteer_get (void)
{
  static Gazetteer *gaz;

  if (g_once_init_enter (&gaz))
    g_once_init_leave (&gaz, gazetteer_load ());
  return gaz;
}

/* }}} */
