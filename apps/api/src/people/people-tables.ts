import { CreatePeople1763856200000 } from './1763856200000-create-people.js';

export const PEOPLE_MIGRATIONS = [CreatePeople1763856200000];
