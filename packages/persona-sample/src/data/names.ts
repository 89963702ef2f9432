import type { NameBank } from "./cities.js";

/**
 * Small first-name / surname banks per region, so a persona in Osaka is not called
 * "John Smith". Chosen by the persona's city (cities.ts); names, not identities.
 */
export const NAMES: Readonly<Record<NameBank, { female: string[]; male: string[]; last: string[] }>> = {
  japanese: { female: ["Yui", "Haruka", "Aiko", "Sakura", "Mei", "Naoko"], male: ["Haruto", "Kenji", "Takumi", "Sota", "Hiroshi", "Daiki"], last: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Nakamura"] },
  chinese: { female: ["Li Na", "Wang Fang", "Xiu Ying", "Mei Lin", "Jing", "Yan"], male: ["Wei", "Jun", "Hao", "Lei", "Zhi Hao", "Ming"], last: ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao"] },
  korean: { female: ["Ji-woo", "Seo-yeon", "Min-ji", "Ha-eun", "Soo-ah"], male: ["Min-jun", "Seo-jun", "Ji-ho", "Do-yun", "Hyun-woo"], last: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang"] },
  south_asian: { female: ["Priya", "Ananya", "Aisha", "Kavya", "Sana", "Meera", "Fatima"], male: ["Arjun", "Rahul", "Imran", "Vikram", "Rohan", "Farhan", "Aditya"], last: ["Sharma", "Patel", "Khan", "Iyer", "Reddy", "Chowdhury", "Das", "Mehta"] },
  arabic: { female: ["Fatima", "Layla", "Mariam", "Noor", "Yasmin", "Salma"], male: ["Omar", "Ahmed", "Youssef", "Karim", "Khalid", "Hassan"], last: ["Hassan", "Al-Sayed", "Mansour", "Haddad", "Nasser", "Farouk"] },
  persian: { female: ["Sara", "Maryam", "Shirin", "Parisa", "Nazanin"], male: ["Reza", "Ali", "Dariush", "Kaveh", "Amir"], last: ["Hosseini", "Ahmadi", "Karimi", "Rahimi", "Moradi"] },
  hispanic: { female: ["Sofía", "Valentina", "Camila", "Lucía", "Mariana", "Isabel"], male: ["Mateo", "Santiago", "Diego", "Javier", "Andrés", "Carlos"], last: ["García", "Rodríguez", "Martínez", "López", "Hernández", "Gómez", "Torres"] },
  brazilian: { female: ["Ana", "Beatriz", "Larissa", "Juliana", "Fernanda"], male: ["João", "Lucas", "Gabriel", "Rafael", "Thiago"], last: ["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira"] },
  anglo: { female: ["Emma", "Olivia", "Sarah", "Grace", "Chloe", "Megan", "Hannah"], male: ["James", "Liam", "Daniel", "Ethan", "Michael", "Ben", "Noah"], last: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Nguyen"] },
  african: { female: ["Amara", "Chiamaka", "Zanele", "Nomsa", "Ngozi", "Thandiwe"], male: ["Chinedu", "Tunde", "Sipho", "Kwame", "Emeka", "Thabo"], last: ["Okafor", "Adeyemi", "Nkosi", "Mbeki", "Okonkwo", "Dlamini", "Mbuyi"] },
  southeast_asian: { female: ["Maria", "Siti", "Nurul", "Ploy", "Dewi", "Angelica"], male: ["Jose", "Ahmad", "Somchai", "Budi", "Rizal", "Wei Jie"], last: ["Santos", "Reyes", "Tan", "Lim", "Wong", "Abdullah", "Saetang"] },
  vietnamese: { female: ["Linh", "Mai", "Trang", "Huong", "Thao"], male: ["Minh", "Duc", "Khoa", "Tuan", "Huy"], last: ["Nguyen", "Tran", "Le", "Pham", "Hoang"] },
  french: { female: ["Camille", "Léa", "Manon", "Chloé", "Inès"], male: ["Louis", "Hugo", "Julien", "Antoine", "Mathis"], last: ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre"] },
  german: { female: ["Anna", "Lena", "Sophie", "Marie", "Laura"], male: ["Lukas", "Jonas", "Felix", "Leon", "Tobias"], last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer"] },
  italian: { female: ["Giulia", "Chiara", "Francesca", "Martina", "Sara"], male: ["Marco", "Luca", "Alessandro", "Matteo", "Giovanni"], last: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"] },
  russian: { female: ["Anastasia", "Olga", "Ekaterina", "Natalia", "Irina"], male: ["Dmitri", "Alexei", "Ivan", "Sergei", "Mikhail"], last: ["Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Volkov"] },
  turkish: { female: ["Zeynep", "Elif", "Ayşe", "Defne", "Selin"], male: ["Mehmet", "Emre", "Mustafa", "Burak", "Can"], last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın"] },
  nordic: { female: ["Freja", "Ida", "Astrid", "Clara", "Emma"], male: ["Mads", "Oliver", "Magnus", "Frederik", "William"], last: ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Larsen"] },
};
