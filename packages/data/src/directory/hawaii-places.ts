/**
 * Real Hawaii geography for the synthetic directory: counties, islands, and towns (or Honolulu
 * neighbourhoods) with their USPS city name, ZIP code, approximate centre, a radius that jitter
 * stays within, real street names and local 808 exchanges. Weights are rough populations in
 * thousands; they decide where facilities land.
 *
 * Names keep the ʻokina and kahakō; address fields use the USPS spelling (ASCII, "Kamuela" for
 * Waimea) because that is what mail, claims and searches by city use.
 */

export type CountyKey = 'hawaii' | 'maui' | 'honolulu' | 'kauai' | 'kalawao';
export type IslandKey = 'hawaii' | 'maui' | 'oahu' | 'kauai' | 'molokai' | 'lanai';

export interface County {
  readonly key: CountyKey;
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
}

export interface Island {
  readonly key: IslandKey;
  readonly name: string;
  /** The county that holds the whole island; Molokaʻi is split between Maui and Kalawao. */
  readonly county: CountyKey | undefined;
  readonly latitude: number;
  readonly longitude: number;
}

export interface Town {
  readonly key: string;
  readonly name: string;
  /** USPS city for addresses. */
  readonly city: string;
  readonly zip: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly radiusKm: number;
  readonly county: CountyKey;
  readonly island: IslandKey;
  readonly weight: number;
  readonly streets: readonly string[];
  readonly exchanges: readonly string[];
}

export const COUNTIES: readonly County[] = [
  { key: 'hawaii', name: 'Hawaiʻi County', latitude: 19.6, longitude: -155.5 },
  { key: 'maui', name: 'Maui County', latitude: 20.85, longitude: -156.6 },
  { key: 'honolulu', name: 'City and County of Honolulu', latitude: 21.46, longitude: -157.97 },
  { key: 'kauai', name: 'Kauaʻi County', latitude: 22.05, longitude: -159.52 },
  { key: 'kalawao', name: 'Kalawao County', latitude: 21.18, longitude: -156.96 },
];

export const ISLANDS: readonly Island[] = [
  { key: 'hawaii', name: 'Hawaiʻi Island', county: 'hawaii', latitude: 19.6, longitude: -155.5 },
  { key: 'maui', name: 'Maui', county: 'maui', latitude: 20.8, longitude: -156.33 },
  { key: 'oahu', name: 'Oʻahu', county: 'honolulu', latitude: 21.46, longitude: -157.97 },
  { key: 'kauai', name: 'Kauaʻi', county: 'kauai', latitude: 22.05, longitude: -159.52 },
  { key: 'molokai', name: 'Molokaʻi', county: undefined, latitude: 21.13, longitude: -157.02 },
  { key: 'lanai', name: 'Lānaʻi', county: 'maui', latitude: 20.83, longitude: -156.92 },
];

type Row = [key: string, name: string, city: string, zip: string, lat: number, lon: number, radiusKm: number,
  county: CountyKey, island: IslandKey, weight: number, streets: string, exchanges: string];

// Streets and exchanges are '|'-separated to keep one town per line.
const ROWS: readonly Row[] = [
  ['honolulu-downtown', 'Downtown Honolulu', 'Honolulu', '96813', 21.3099, -157.8581, 1.2, 'honolulu', 'oahu', 25, 'S King St|S Beretania St|Punchbowl St|Bishop St', '521|523|524|531|536|537|538|545'],
  ['honolulu-ala-moana', 'Ala Moana', 'Honolulu', '96814', 21.2930, -157.8460, 1.0, 'honolulu', 'oahu', 30, 'Kapiolani Blvd|Ala Moana Blvd|Keeaumoku St', '591|593|596|597'],
  ['honolulu-waikiki', 'Waikīkī', 'Honolulu', '96815', 21.2810, -157.8270, 1.0, 'honolulu', 'oahu', 25, 'Kalakaua Ave|Kuhio Ave|Kapahulu Ave', '922|923|924|926'],
  ['honolulu-kaimuki', 'Kaimukī', 'Honolulu', '96816', 21.2840, -157.7990, 1.3, 'honolulu', 'oahu', 25, 'Waialae Ave|Kapahulu Ave|Koko Head Ave', '732|733|734|735|737'],
  ['honolulu-kalihi', 'Kalihi', 'Honolulu', '96817', 21.3270, -157.8600, 1.5, 'honolulu', 'oahu', 40, 'N King St|Nuuanu Ave|Liliha St|N School St', '841|842|845|847|848'],
  ['honolulu-salt-lake', 'Salt Lake', 'Honolulu', '96819', 21.3440, -157.8950, 1.5, 'honolulu', 'oahu', 30, 'Salt Lake Blvd|Moanalua Rd|Ala Lilikoi St', '833|834|836|839'],
  ['honolulu-manoa', 'Mānoa', 'Honolulu', '96822', 21.3050, -157.8110, 1.3, 'honolulu', 'oahu', 20, 'E Manoa Rd|University Ave|Oahu Ave', '943|947|948|988'],
  ['honolulu-moiliili', 'Mōʻiliʻili', 'Honolulu', '96826', 21.2920, -157.8250, 0.8, 'honolulu', 'oahu', 20, 'S King St|University Ave|Date St', '941|946|949|951|955'],
  ['honolulu-aina-haina', 'ʻĀina Haina', 'Honolulu', '96821', 21.2790, -157.7550, 1.5, 'honolulu', 'oahu', 10, 'Kalanianaole Hwy|W Hind Dr', '373|377'],
  ['honolulu-hawaii-kai', 'Hawaiʻi Kai', 'Honolulu', '96825', 21.2880, -157.7050, 1.8, 'honolulu', 'oahu', 30, 'Keahole St|Lunalilo Home Rd|Hawaii Kai Dr', '394|395|396|397'],
  ['pearl-city', 'Pearl City', 'Pearl City', '96782', 21.3972, -157.9752, 2.0, 'honolulu', 'oahu', 47, 'Kamehameha Hwy|Moanalua Rd|Waimano Home Rd', '453|454|455|456'],
  ['aiea', 'ʻAiea', 'Aiea', '96701', 21.3822, -157.9336, 1.8, 'honolulu', 'oahu', 35, 'Moanalua Rd|Aiea Heights Dr|Kamehameha Hwy', '483|484|486|487|488'],
  ['waipahu', 'Waipahu', 'Waipahu', '96797', 21.3867, -158.0092, 2.0, 'honolulu', 'oahu', 43, 'Farrington Hwy|Waipahu St|Leoku St', '671|676|677|678'],
  ['kapolei', 'Kapolei', 'Kapolei', '96707', 21.3358, -158.0864, 2.5, 'honolulu', 'oahu', 30, 'Kapolei Pkwy|Fort Barrette Rd|Farrington Hwy', '674|692|693|707'],
  ['ewa-beach', 'ʻEwa Beach', 'Ewa Beach', '96706', 21.3156, -158.0072, 2.5, 'honolulu', 'oahu', 40, 'Fort Weaver Rd|North Rd|Renton Rd', '681|685|689'],
  ['mililani', 'Mililani', 'Mililani', '96789', 21.4511, -158.0147, 2.0, 'honolulu', 'oahu', 30, 'Meheula Pkwy|Lanikuhana Ave|Kuahelani Ave', '623|625|627'],
  ['wahiawa', 'Wahiawā', 'Wahiawa', '96786', 21.5028, -158.0236, 1.5, 'honolulu', 'oahu', 18, 'California Ave|Kamehameha Hwy|Kilani Ave', '621|622'],
  ['kaneohe', 'Kāneʻohe', 'Kaneohe', '96744', 21.4022, -157.7994, 2.5, 'honolulu', 'oahu', 37, 'Kamehameha Hwy|Kahekili Hwy|Kaneohe Bay Dr', '233|234|235|236|247'],
  ['kailua', 'Kailua', 'Kailua', '96734', 21.4022, -157.7394, 2.0, 'honolulu', 'oahu', 38, 'Kailua Rd|Oneawa St|Hamakua Dr|Kuulei Rd', '261|262|263|266'],
  ['waimanalo', 'Waimānalo', 'Waimanalo', '96795', 21.3461, -157.7239, 1.5, 'honolulu', 'oahu', 6, 'Kalanianaole Hwy|Hihimanu St', '259'],
  ['waianae', 'Waiʻanae', 'Waianae', '96792', 21.4372, -158.1858, 2.5, 'honolulu', 'oahu', 13, 'Farrington Hwy|Waianae Valley Rd', '668|695|696|697'],
  ['haleiwa', 'Haleʻiwa', 'Haleiwa', '96712', 21.5928, -158.1031, 1.5, 'honolulu', 'oahu', 4, 'Kamehameha Hwy|Haleiwa Rd', '637|638'],
  ['laie', 'Lāʻie', 'Laie', '96762', 21.6469, -157.9253, 1.2, 'honolulu', 'oahu', 6, 'Kamehameha Hwy|Naniloa Loop', '293'],
  ['kahuku', 'Kahuku', 'Kahuku', '96731', 21.6803, -157.9511, 1.2, 'honolulu', 'oahu', 3, 'Kamehameha Hwy|Puuluana St', '293'],
  ['hilo', 'Hilo', 'Hilo', '96720', 19.7070, -155.0880, 3.0, 'hawaii', 'hawaii', 45, 'Kilauea Ave|Waianuenue Ave|Kinoole St|Puainako St|Kamehameha Ave|Keawe St', '933|934|935|959|961|969|974'],
  ['kailua-kona', 'Kailua-Kona', 'Kailua Kona', '96740', 19.6400, -155.9969, 3.0, 'hawaii', 'hawaii', 20, 'Alii Dr|Palani Rd|Kuakini Hwy|Queen Kaahumanu Hwy|Hualalai Rd', '326|327|329|331|334'],
  ['waimea-hawaii', 'Waimea', 'Kamuela', '96743', 20.0230, -155.6680, 2.0, 'hawaii', 'hawaii', 9, 'Mamalahoa Hwy|Lindsey Rd|Kawaihae Rd', '885|887'],
  ['pahoa', 'Pāhoa', 'Pahoa', '96778', 19.4942, -154.9461, 1.5, 'hawaii', 'hawaii', 6, 'Pahoa Village Rd|Keaau Pahoa Rd', '965'],
  ['keaau', 'Keaʻau', 'Keaau', '96749', 19.6222, -155.0372, 1.5, 'hawaii', 'hawaii', 3, 'Keaau Pahoa Rd|Old Volcano Rd', '966|982'],
  ['honokaa', 'Honokaʻa', 'Honokaa', '96727', 20.0792, -155.4664, 1.0, 'hawaii', 'hawaii', 2, 'Mamane St|Lehua St', '775'],
  ['kealakekua', 'Kealakekua', 'Kealakekua', '96750', 19.5206, -155.9228, 1.2, 'hawaii', 'hawaii', 3, 'Mamalahoa Hwy|Haleki\'i St', '322|323'],
  ['captain-cook', 'Captain Cook', 'Captain Cook', '96704', 19.4969, -155.9217, 1.2, 'hawaii', 'hawaii', 3, 'Mamalahoa Hwy|Napoopoo Rd', '328'],
  ['waikoloa', 'Waikoloa', 'Waikoloa', '96738', 19.9394, -155.7900, 1.5, 'hawaii', 'hawaii', 7, 'Waikoloa Rd|Paniolo Ave', '883'],
  ['pahala', 'Pāhala', 'Pahala', '96777', 19.2003, -155.4786, 0.8, 'hawaii', 'hawaii', 1, 'Maile St|Kamani St', '928'],
  ['volcano', 'Volcano', 'Volcano', '96785', 19.4428, -155.2339, 1.5, 'hawaii', 'hawaii', 2, 'Old Volcano Rd|Haunani Rd', '967|985'],
  ['hawi', 'Hāwī', 'Hawi', '96719', 20.2414, -155.8336, 1.0, 'hawaii', 'hawaii', 1, 'Akoni Pule Hwy|Hawi Rd', '889'],
  ['kahului', 'Kahului', 'Kahului', '96732', 20.8893, -156.4729, 2.0, 'maui', 'maui', 28, 'Kaahumanu Ave|Puunene Ave|Dairy Rd|Wakea Ave', '871|873|877|893'],
  ['wailuku', 'Wailuku', 'Wailuku', '96793', 20.8911, -156.5047, 1.5, 'maui', 'maui', 17, 'Main St|Market St|Mahalani St|Lower Main St', '242|243|244|249'],
  ['kihei', 'Kīhei', 'Kihei', '96753', 20.7644, -156.4450, 3.0, 'maui', 'maui', 21, 'S Kihei Rd|Piilani Hwy|Lipoa St', '874|875|879|891'],
  ['lahaina', 'Lahaina', 'Lahaina', '96761', 20.8783, -156.6825, 2.0, 'maui', 'maui', 13, 'Front St|Honoapiilani Hwy|Lahainaluna Rd', '661|662|667'],
  ['makawao', 'Makawao', 'Makawao', '96768', 20.8564, -156.3131, 1.2, 'maui', 'maui', 7, 'Baldwin Ave|Makawao Ave', '572|573'],
  ['pukalani', 'Pukalani', 'Makawao', '96768', 20.8367, -156.3367, 1.2, 'maui', 'maui', 8, 'Pukalani St|Old Haleakala Hwy', '572'],
  ['kula', 'Kula', 'Kula', '96790', 20.7906, -156.3267, 2.0, 'maui', 'maui', 6, 'Kula Hwy|Lower Kula Rd', '878'],
  ['paia', 'Pāʻia', 'Paia', '96779', 20.9031, -156.3697, 1.0, 'maui', 'maui', 3, 'Baldwin Ave|Hana Hwy', '579'],
  ['hana', 'Hāna', 'Hana', '96713', 20.7575, -155.9900, 1.0, 'maui', 'maui', 1, 'Hana Hwy|Uakea Rd', '248'],
  ['kaunakakai', 'Kaunakakai', 'Kaunakakai', '96748', 21.0906, -157.0197, 1.2, 'maui', 'molokai', 3, 'Ala Malama Ave|Kamehameha V Hwy|Kamoi St', '553|560|567'],
  ['lanai-city', 'Lānaʻi City', 'Lanai City', '96763', 20.8275, -156.9192, 1.0, 'maui', 'lanai', 3, '7th St|Fraser Ave|Lanai Ave', '565'],
  ['lihue', 'Līhuʻe', 'Lihue', '96766', 21.9811, -159.3711, 2.0, 'kauai', 'kauai', 8, 'Rice St|Kuhio Hwy|Hardy St|Kapule Hwy', '241|245|246|632'],
  ['kapaa', 'Kapaʻa', 'Kapaa', '96746', 22.0881, -159.3380, 2.0, 'kauai', 'kauai', 11, 'Kuhio Hwy|Olohena Rd|Kukui St', '821|822|823'],
  ['koloa', 'Kōloa', 'Koloa', '96756', 21.9067, -159.4697, 1.5, 'kauai', 'kauai', 2, 'Koloa Rd|Poipu Rd|Maluhia Rd', '742'],
  ['waimea-kauai', 'Waimea', 'Waimea', '96796', 21.9575, -159.6689, 1.0, 'kauai', 'kauai', 2, 'Kaumualii Hwy|Waimea Canyon Dr', '338'],
  ['hanapepe', 'Hanapēpē', 'Hanapepe', '96716', 21.9075, -159.5900, 1.0, 'kauai', 'kauai', 2, 'Hanapepe Rd|Kaumualii Hwy', '335'],
  ['kalaheo', 'Kalāheo', 'Kalaheo', '96741', 21.9242, -159.5269, 1.2, 'kauai', 'kauai', 4, 'Papalina Rd|Kaumualii Hwy', '332'],
  ['princeville', 'Princeville', 'Princeville', '96722', 22.2236, -159.4853, 1.2, 'kauai', 'kauai', 2, 'Ka Haku Rd|Emmalani Dr', '826'],
  ['kilauea', 'Kīlauea', 'Kilauea', '96754', 22.2111, -159.4067, 1.0, 'kauai', 'kauai', 3, 'Kolo Rd|Keneke St', '828'],
  ['kekaha', 'Kekaha', 'Kekaha', '96752', 21.9683, -159.7186, 1.0, 'kauai', 'kauai', 3, 'Kaumualii Hwy|Kekaha Rd', '337'],
];

/** Towns where facilities are placed (Kalaupapa, Kalawao County's only settlement, has none). */
export const TOWNS: readonly Town[] = ROWS.map(([key, name, city, zip, latitude, longitude, radiusKm, county, island, weight, streets, exchanges]) => ({
  key, name, city, zip, latitude, longitude, radiusKm, county, island, weight,
  streets: streets.split('|'), exchanges: exchanges.split('|'),
}));

const byKey = new Map(TOWNS.map((t) => [t.key, t]));

/** The town with this key (throws on a typo in a table, which a test would catch). */
export function town(key: string): Town {
  const found = byKey.get(key);
  if (found === undefined) throw new Error(`unknown town "${key}"`);
  return found;
}

/** Towns with a hospital, one per real hospital site; `critical` marks critical access hospitals. */
export const HOSPITAL_SITES: readonly { town: Town; critical: boolean }[] = [
  ['honolulu-downtown', false], ['honolulu-kalihi', false], ['honolulu-moiliili', false], ['honolulu-salt-lake', false],
  ['aiea', false], ['kailua', false], ['kapolei', false], ['wahiawa', false], ['kahuku', true],
  ['hilo', false], ['kealakekua', false], ['waimea-hawaii', false], ['honokaa', true], ['pahala', true],
  ['wailuku', false], ['lanai-city', true], ['kaunakakai', true],
  ['lihue', false], ['waimea-kauai', true], ['kapaa', true],
].map(([key, critical]) => ({ town: town(key as string), critical: critical as boolean }));

/**
 * Towns that get the first clinics and pharmacies whatever the size, so that every island's
 * main town has care and the documented directory questions (Hilo, downtown Honolulu) always
 * have answers, even in a tiny data set.
 */
export const ANCHOR_TOWNS: readonly Town[] = [
  'hilo', 'honolulu-downtown', 'kailua-kona', 'kahului', 'lihue', 'kaneohe', 'hilo', 'honolulu-ala-moana',
  'pearl-city', 'wailuku', 'kapolei', 'kaunakakai', 'lanai-city', 'kapaa', 'honolulu-kalihi', 'waimea-hawaii',
].map(town);
