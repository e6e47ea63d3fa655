// A table's read that only measures its amounts (render/line-table.ts, `measuring`) is given an
// amount only when its text may be longer than any given before in its column. amountShape tells
// the length without making the text; this tells, without even that, that an amount is no longer
// than one measured before: on amountShape's common path (at most the commodity's places, at most
// two), the length grows with the integer part, so an amount of the same places and sign whose
// integer part is no larger than one measured before is no longer.

/** 10^0 to 10^15. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 16 }, (_, n) => 10 ** n);

/** The largest integer part measured in one amount column, per places (0 to 2) and sign. */
export class MeasuredWholes {
  readonly #wholes: number[] = [-1, -1, -1, -1, -1, -1];

  /**
   * Whether the text of `magnitude` × 10^-scale (a non-negative safe integer; `negative`: shown
   * after a minus) at `places` is surely no longer than one measured before in this column; when
   * not, it is taken as measured (the caller measures it: its column is then at least as wide).
   */
  covered(magnitude: number, scale: number, places: number, negative: boolean): boolean {
    if (scale > places || places > 2) return false;
    const unit = POWERS_OF_TEN[scale]!;
    const whole = scale === 0 ? magnitude : (magnitude - (magnitude % unit)) / unit;
    const slot = places * 2 + (negative ? 1 : 0);
    if (whole <= this.#wholes[slot]!) return true;
    this.#wholes[slot] = whole;
    return false;
  }
}
