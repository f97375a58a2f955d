/**
 * Text helpers at the bottom of the engine, depending on no other package of it: spelling suggestions, UTF-8
 * checks with the place of a bad byte, Han detection and the display width of CJK text.
 */
package dev.rubric.engine.internal.text;
