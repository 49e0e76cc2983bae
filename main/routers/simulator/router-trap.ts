/**
 * A `!trap` the model raises on bad input; the connection turns it into `!trap` + `!done`.
 * Categories follow the manual: 0 missing item or command, 1 argument value failure,
 * 2 interrupted, 3 scripting, 4 general failure, 5 API failure.
 */
export class RouterTrap extends Error {
  constructor(
    message: string,
    readonly category?: number,
  ) {
    super(message);
    this.name = 'RouterTrap';
  }
}
