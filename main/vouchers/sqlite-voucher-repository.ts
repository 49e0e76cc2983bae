import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import type { VoucherRepository } from './voucher-repository';

// Built next (this commit registers the domain).
export class SqliteVoucherRepository {
  constructor(
    readonly db: Db,
    readonly secrets: SecretBox,
  ) {}
}
export type Pending = VoucherRepository;
