/** The people settings in force: the defaults with what AppConfig.people overrides. */
export const PEOPLE_SETTINGS = Symbol('PeopleSettings');
