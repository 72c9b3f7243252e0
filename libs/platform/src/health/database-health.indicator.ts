import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { DependencyHealth, HealthIndicator, timedCheck } from './health-indicator';

@Injectable()
export class DatabaseHealthIndicator implements HealthIndicator {
  readonly name = 'database';

  constructor(@InjectConnection() private readonly connection: Connection) {}

  check(): Promise<DependencyHealth> {
    return timedCheck(async () => {
      const db = this.connection.db;
      if (!db) throw new Error('not connected');
      await db.admin().ping();
      return { database: db.databaseName };
    });
  }
}
