/**
 * Names and languages drawn on for synthetic practitioners: a fixed table reflecting Hawaii's
 * mix (Native Hawaiian, Japanese, Filipino, Chinese, Korean, Portuguese, Pacific Islander and
 * mainland names). Any match with a real person is coincidence.
 */

export const FEMALE_GIVEN: readonly string[] = [
  'Leilani', 'Noelani', 'Malia', 'Kaiulani', 'Pua', 'Mele', 'Nalani', 'Keala', 'Healani', 'Maile',
  'Keiko', 'Yuki', 'Naomi', 'Emiko', 'Aiko', 'Maria', 'Cristina', 'Rosario', 'Jasmine', 'Angelica',
  'Mei', 'Lin', 'Grace', 'Joy', 'Ji-woo', 'Soo-jin', 'Ana', 'Luana', 'Tiare', 'Sina',
  'Sarah', 'Emily', 'Jennifer', 'Rachel', 'Megan', 'Lauren', 'Elizabeth', 'Hannah', 'Alyssa', 'Kristen',
];

export const MALE_GIVEN: readonly string[] = [
  'Kai', 'Keanu', 'Makoa', 'Kalani', 'Ikaika', 'Kekoa', 'Kainoa', 'Koa', 'Nainoa', 'Kamaka',
  'Kenji', 'Hiroshi', 'Daniel', 'Ryan', 'Kyle', 'Jose', 'Miguel', 'Ramon', 'Paolo', 'Jericho',
  'Wei', 'Brandon', 'Justin', 'Min-jun', 'Jae', 'Manuel', 'Tevita', 'Sione', 'Alapati', 'Iosefa',
  'John', 'David', 'Michael', 'James', 'Robert', 'Matthew', 'Andrew', 'Christopher', 'Thomas', 'Scott',
];

export const FAMILY: readonly string[] = [
  'Kealoha', 'Kahananui', 'Akana', 'Kamakau', 'Keawe', 'Kahale', 'Naone', 'Kapaona', 'Kaleikini', 'Makua',
  'Nakamura', 'Tanaka', 'Yamamoto', 'Higa', 'Shimabukuro', 'Kaneshiro', 'Fujimoto', 'Takahashi', 'Watanabe', 'Oshiro',
  'Nishimura', 'Matsumoto', 'Yoshida', 'Ige', 'Santos', 'Reyes', 'Cruz', 'Bautista', 'Domingo', 'Agbayani',
  'Ramos', 'Pascual', 'Villanueva', 'Cabral', 'Wong', 'Chang', 'Lee', 'Ching', 'Lum', 'Chun',
  'Fong', 'Ho', 'Kim', 'Park', 'Choi', 'Silva', 'Souza', 'Medeiros', 'Rodrigues', 'Freitas',
  'Pacheco', 'Tuiasosopo', 'Faleafine', 'Fonoti', 'Smith', 'Johnson', 'Miller', 'Anderson', 'Baker', 'Campbell',
];

/** Middle initials, used for some practitioners. */
export const INITIALS = 'ABCDEFGHJKLMNPRSTW';

export interface Language {
  /** BCP-47 tag (urn:ietf:bcp:47). */
  readonly code: string;
  readonly display: string;
  /** Relative frequency as a second language among Hawaii clinicians. */
  readonly weight: number;
}

export const ENGLISH: Language = { code: 'en', display: 'English', weight: 0 };

export const OTHER_LANGUAGES: readonly Language[] = [
  { code: 'ja', display: 'Japanese', weight: 10 },
  { code: 'tl', display: 'Tagalog', weight: 10 },
  { code: 'ilo', display: 'Iloko', weight: 8 },
  { code: 'haw', display: 'Hawaiian', weight: 6 },
  { code: 'zh', display: 'Chinese', weight: 6 },
  { code: 'ko', display: 'Korean', weight: 5 },
  { code: 'es', display: 'Spanish', weight: 6 },
  { code: 'vi', display: 'Vietnamese', weight: 3 },
  { code: 'sm', display: 'Samoan', weight: 3 },
  { code: 'to', display: 'Tongan', weight: 1 },
  { code: 'chk', display: 'Chuukese', weight: 2 },
  { code: 'mh', display: 'Marshallese', weight: 2 },
];
