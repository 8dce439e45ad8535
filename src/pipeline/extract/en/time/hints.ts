/**
 * Hints: text that every match of a time parser contains. A sentence without its hint is not
 * searched by that parser (the hint is a cheap literal test; the parser's pattern is not).
 * hints.test.ts checks each hint against its parser.
 */

/** A month name or abbreviation as the calendar patterns spell them (capitalised). */
export const MONTH_HINT = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
/** A digit: dates, years and numbered expressions. */
export const DIGIT_HINT = /\d/;
