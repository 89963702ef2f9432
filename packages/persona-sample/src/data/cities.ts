/**
 * The 54 world cities of seed 003 (dialogue_generation.py, PREDEFINED_REGIONS), with the
 * country, currency and time zone persona-sample needs for a location and a local budget.
 * `perUsd` is an approximate 2025 exchange rate (units of the currency per US dollar),
 * used only to turn a domain's budget ranges into round local amounts; it is not a price feed.
 * `names` picks the name bank (see names.ts).
 */
export interface City {
  city: string;
  country: string;
  currency: string;
  timezone: string;
  perUsd: number;
  names: NameBank;
}

export type NameBank =
  | "japanese" | "chinese" | "korean" | "south_asian" | "arabic" | "persian" | "hispanic" | "brazilian"
  | "anglo" | "african" | "southeast_asian" | "vietnamese" | "french" | "german" | "italian" | "russian"
  | "turkish" | "nordic";

const c = (city: string, country: string, currency: string, timezone: string, perUsd: number, names: NameBank): City =>
  ({ city, country, currency, timezone, perUsd, names });

export const CITIES: readonly City[] = [
  c("Tokyo", "Japan", "JPY", "Asia/Tokyo", 150, "japanese"),
  c("Delhi", "India", "INR", "Asia/Kolkata", 84, "south_asian"),
  c("Shanghai", "China", "CNY", "Asia/Shanghai", 7.2, "chinese"),
  c("Sao Paulo", "Brazil", "BRL", "America/Sao_Paulo", 5.4, "brazilian"),
  c("Mumbai", "India", "INR", "Asia/Kolkata", 84, "south_asian"),
  c("Beijing", "China", "CNY", "Asia/Shanghai", 7.2, "chinese"),
  c("Cairo", "Egypt", "EGP", "Africa/Cairo", 48, "arabic"),
  c("Mexico City", "Mexico", "MXN", "America/Mexico_City", 18, "hispanic"),
  c("Dhaka", "Bangladesh", "BDT", "Asia/Dhaka", 120, "south_asian"),
  c("Osaka", "Japan", "JPY", "Asia/Tokyo", 150, "japanese"),
  c("Karachi", "Pakistan", "PKR", "Asia/Karachi", 280, "south_asian"),
  c("Chongqing", "China", "CNY", "Asia/Shanghai", 7.2, "chinese"),
  c("Istanbul", "Turkey", "TRY", "Europe/Istanbul", 34, "turkish"),
  c("Buenos Aires", "Argentina", "ARS", "America/Argentina/Buenos_Aires", 950, "hispanic"),
  c("Kolkata", "India", "INR", "Asia/Kolkata", 84, "south_asian"),
  c("Kinshasa", "DR Congo", "CDF", "Africa/Kinshasa", 2800, "african"),
  c("Lagos", "Nigeria", "NGN", "Africa/Lagos", 1600, "african"),
  c("Manila", "Philippines", "PHP", "Asia/Manila", 57, "southeast_asian"),
  c("Rio de Janeiro", "Brazil", "BRL", "America/Sao_Paulo", 5.4, "brazilian"),
  c("Guangzhou", "China", "CNY", "Asia/Shanghai", 7.2, "chinese"),
  c("Los Angeles", "United States", "USD", "America/Los_Angeles", 1, "anglo"),
  c("Moscow", "Russia", "RUB", "Europe/Moscow", 95, "russian"),
  c("Paris", "France", "EUR", "Europe/Paris", 0.92, "french"),
  c("Bangkok", "Thailand", "THB", "Asia/Bangkok", 35, "southeast_asian"),
  c("Jakarta", "Indonesia", "IDR", "Asia/Jakarta", 15800, "southeast_asian"),
  c("London", "United Kingdom", "GBP", "Europe/London", 0.78, "anglo"),
  c("Lima", "Peru", "PEN", "America/Lima", 3.75, "hispanic"),
  c("New York", "United States", "USD", "America/New_York", 1, "anglo"),
  c("Shenzhen", "China", "CNY", "Asia/Shanghai", 7.2, "chinese"),
  c("Bangalore", "India", "INR", "Asia/Kolkata", 84, "south_asian"),
  c("Ho Chi Minh City", "Vietnam", "VND", "Asia/Ho_Chi_Minh", 25000, "vietnamese"),
  c("Hyderabad", "India", "INR", "Asia/Kolkata", 84, "south_asian"),
  c("Bogota", "Colombia", "COP", "America/Bogota", 4100, "hispanic"),
  c("Tianjin", "China", "CNY", "Asia/Shanghai", 7.2, "chinese"),
  c("Santiago", "Chile", "CLP", "America/Santiago", 940, "hispanic"),
  c("Sydney", "Australia", "AUD", "Australia/Sydney", 1.5, "anglo"),
  c("Berlin", "Germany", "EUR", "Europe/Berlin", 0.92, "german"),
  c("Madrid", "Spain", "EUR", "Europe/Madrid", 0.92, "hispanic"),
  c("Toronto", "Canada", "CAD", "America/Toronto", 1.37, "anglo"),
  c("Johannesburg", "South Africa", "ZAR", "Africa/Johannesburg", 18, "african"),
  c("Dubai", "United Arab Emirates", "AED", "Asia/Dubai", 3.67, "arabic"),
  c("Singapore", "Singapore", "SGD", "Asia/Singapore", 1.34, "southeast_asian"),
  c("Tehran", "Iran", "IRR", "Asia/Tehran", 42000, "persian"),
  c("Baghdad", "Iraq", "IQD", "Asia/Baghdad", 1310, "arabic"),
  c("Riyadh", "Saudi Arabia", "SAR", "Asia/Riyadh", 3.75, "arabic"),
  c("Rome", "Italy", "EUR", "Europe/Rome", 0.92, "italian"),
  c("Cape Town", "South Africa", "ZAR", "Africa/Johannesburg", 18, "african"),
  c("Casablanca", "Morocco", "MAD", "Africa/Casablanca", 10, "arabic"),
  c("Barcelona", "Spain", "EUR", "Europe/Madrid", 0.92, "hispanic"),
  c("Seoul", "South Korea", "KRW", "Asia/Seoul", 1350, "korean"),
  c("Melbourne", "Australia", "AUD", "Australia/Melbourne", 1.5, "anglo"),
  c("Copenhagen", "Denmark", "DKK", "Europe/Copenhagen", 6.9, "nordic"),
  c("Zurich", "Switzerland", "CHF", "Europe/Zurich", 0.88, "german"),
  c("Kuala Lumpur", "Malaysia", "MYR", "Asia/Kuala_Lumpur", 4.5, "southeast_asian"),
];

export const CITY_NAMES: readonly string[] = CITIES.map((x) => x.city);

const byName = new Map(CITIES.map((x) => [x.city.toLowerCase(), x]));

export function findCity(name: string): City | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** Per-unit rate of a currency against USD, from the table above (undefined if no city uses it). */
export function perUsd(currency: string): number | undefined {
  return CITIES.find((x) => x.currency === currency)?.perUsd ?? (currency === "USD" ? 1 : undefined);
}

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: "$", EUR: "€", GBP: "£", JPY: "¥", INR: "₹", CNY: "¥", KRW: "₩", AUD: "A$", CAD: "C$", SGD: "S$",
};

/** "₹4,500", "$80", "4,500 THB": how a person would write an amount. */
export function formatMoney(amount: number, currency: string): string {
  // toLocaleString is slow; amounts are whole numbers, so group the digits by hand.
  const n = String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sym = CURRENCY_SYMBOLS[currency];
  return sym ? `${sym}${n}` : `${n} ${currency}`;
}
