import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import type { NotificationRepositories } from './notification-repository';
import { SqliteAlertRepository } from './sqlite-alert-repository';
import { SqliteDeliveryRepository } from './sqlite-delivery-repository';
import { SqliteNotificationCentre } from './sqlite-notification-centre';
import { SqliteNotificationSettings } from './sqlite-notification-settings';

/** The notifications' repositories on the console's SQLite file (one member of the business transaction). */
export function sqliteNotificationRepositories(db: Db, secrets: SecretBox): NotificationRepositories {
  return {
    centre: new SqliteNotificationCentre(db),
    settings: new SqliteNotificationSettings(db, secrets),
    deliveries: new SqliteDeliveryRepository(db),
    alerts: new SqliteAlertRepository(db),
  };
}
