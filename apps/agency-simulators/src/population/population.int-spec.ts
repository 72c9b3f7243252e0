import { AgencyErrorBody, CitizenRecord, POPULATION_API } from '@lien-thong/agency-contracts';
import { RunningService, SAMPLE_USERS, authAs, startService } from '@lien-thong/testing';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { AGENCY_SIMULATORS_SERVICE } from '../service';
import { jsonClient } from '../test-support/json-client';

const citizenPath = (id: string) => `${POPULATION_API.simulatorMount}${POPULATION_API.citizen(id)}`;

describe('population database simulator', () => {
  let simulators: RunningService<AgencySimulatorsConfig>;
  let api: ReturnType<typeof jsonClient>;

  beforeAll(async () => {
    simulators = await startService(AGENCY_SIMULATORS_SERVICE);
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
  });
  afterAll(() => simulators?.close());

  it('answers a seeded citizen by personal ID', async () => {
    const answer = await api.get<CitizenRecord>(citizenPath('001085012345'));
    expect(answer).toMatchObject({
      status: 200,
      body: {
        citizenId: '001085012345',
        fullName: 'Nguyễn Văn An',
        birthDate: '1985-03-12',
        gender: 'MALE',
        permanentAddress: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
      },
    });
  });

  it('answers 404 with a code and a Vietnamese message for an unknown ID', async () => {
    const answer = await api.get<AgencyErrorBody>(citizenPath('001099999999'));
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('POPULATION.CITIZEN_NOT_FOUND');
    expect(answer.body.message).toContain('Không tìm thấy công dân');
  });

  it('refuses an ID that is not 12 digits with 400', async () => {
    const answer = await api.get<AgencyErrorBody>(citizenPath('12345'));
    expect(answer).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'citizenId', message: 'Số định danh cá nhân gồm 12 chữ số' }] },
    });
  });
});
