import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Application, type ApplicationStatus } from '../applications/application.entity.js';
import type { AuthUser } from '../common/auth/auth-user.js';

/** A job seeker's own application to one vacancy, as the vacancy page mentions it. */
export interface OwnApplication {
  status: ApplicationStatus;
  appliedAt: string;
}

/**
 * Whether the signed-in job seeker has applied to a vacancy (one application per seeker and vacancy:
 * a second is refused), so the vacancy page says so instead of offering "Kirim lamaran". Read only.
 */
@Injectable()
export class MyApplications {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forVacancy(user: AuthUser | null, vacancyId: string): Promise<OwnApplication | null> {
    if (user?.role !== 'seeker' || !user.seekerId) return null;
    const a = await this.ds.getRepository(Application).findOne({ where: { vacancyId, seekerId: user.seekerId } });
    return a ? { status: a.status, appliedAt: a.appliedAt.toISOString() } : null;
  }
}
