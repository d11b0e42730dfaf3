namespace Stayline.Features.Demo;

/// <summary>
/// Name material for the synthetic demo: Iraqi given and family names as they are commonly romanised in
/// U.S. immigration records, each with the spellings that occur for it, and the Arabic script where it is
/// the usual written form. Invented combinations; no real person's data.
/// </summary>
internal static class DemoNames
{
    public sealed record Name(string[] Spellings, string? Arabic);

    private static Name N(string spellings, string? arabic = null) => new(spellings.Split('|'), arabic);

    public static readonly Name[] ChaldeanGiven =
    [
        N("Yousif|Yousef|Youssef|Yusuf", "يوسف"), N("Sabah|Sabbah", "صباح"), N("Fadi|Fady", "فادي"), N("Rami|Ramy", "رامي"),
        N("Nadhir|Nadir|Nather", "نذير"), N("Hikmat|Hekmat", "حكمت"), N("Salim|Saleem|Selim", "سليم"), N("Jamal|Gamal", "جمال"),
        N("Bashar|Bashaar", "بشار"), N("Sarmad", "سرمد"), N("Wael|Wa'el|Wail", "وائل"), N("Ghassan|Gassan", "غسان"),
        N("Munir|Mounir|Muneer", "منير"), N("Louay|Luay|Loay", "لؤي"), N("Raid|Ra'ed|Raed", "رائد"), N("Kamal|Kamel", "كمال"),
        N("Adnan|Adnaan", "عدنان"), N("Ayad|Iyad|Eyad", "اياد"), N("Behnam|Bahnam", "بهنام"), N("Yohanna|Youhanna|Johanna", "يوحنا"),
        N("George|Georges|Jirjis", "جورج"), N("Elias|Ilyas|Eliya", "الياس"), N("Matti|Matty|Mattie", "متي"), N("Hanna|Hana|Hanna'", "حنا"),
        N("Toma|Tuma|Thomas", "توما"), N("Yaqoob|Yacoub|Yakoub|Jacob", "يعقوب"), N("Zuhair|Zuheir|Zohair", "زهير"), N("Nizar|Nezar", "نزار"),
        N("Haitham|Haytham|Haithem", "هيثم"), N("Sami|Sammy|Samy", "سامي"), N("Faris|Fares|Faress", "فارس"), N("Basim|Basem|Bassam", "باسم"),
        N("Nabil|Nabeel", "نبيل"), N("Ziad|Ziyad|Zeyad", "زياد"), N("Wisam|Wissam|Wesam", "وسام"), N("Mariam|Maryam|Miriam", "مريم"),
        N("Nadia|Nadiya", "نادية"), N("Suhad|Souhad", "سهاد"), N("Samira|Sameera", "سميرة"), N("Intisar|Entisar", "انتصار"),
    ];

    public static readonly Name[] ArabGiven =
    [
        N("Mohammed|Muhammad|Mohamad|Mohamed|Mhd", "محمد"), N("Ali|Aly", "علي"), N("Hussein|Hussain|Husain|Hossein", "حسين"),
        N("Ahmed|Ahmad|Ahmet", "أحمد"), N("Omar|Umar|Omer", "عمر"), N("Haider|Hayder|Haidar", "حيدر"), N("Karim|Kareem|Kerim", "كريم"),
        N("Abdulrahman|Abd al-Rahman|Abdel Rahman|Abdul Rahman", "عبد الرحمن"), N("Abdullah|Abd Allah|Abdallah", "عبد الله"),
        N("Mustafa|Mostafa|Moustafa", "مصطفى"), N("Saad|Sa'ad|Saed", "سعد"), N("Raad|Ra'ad|Rad", "رعد"), N("Majid|Majed|Maged", "ماجد"),
        N("Qasim|Kasim|Kassem|Qassim", "قاسم"), N("Jawad|Jawaad", "جواد"), N("Kadhim|Kazem|Kazim|Kathem", "كاظم"), N("Abbas|Abas", "عباس"),
        N("Hassan|Hasan", "حسن"), N("Salman|Selman", "سلمان"), N("Layla|Leila|Laila", "ليلى"), N("Huda|Hoda", "هدى"), N("Zainab|Zaynab|Zeinab", "زينب"),
    ];

    public static readonly Name[] ChaldeanFamily =
    [
        N("Kassab|Qassab|Kasab", "قصاب"), N("Yaldo|Yaldoo", "يلدو"), N("Jarbo|Jarbou", "جربو"), N("Shamoun|Shamon|Shamoon", "شمعون"),
        N("Kalasho|Kalashoo", "كلاشو"), N("Kakos|Kakoz", "ككوس"), N("Najor|Najjor|Najjar", "نجار"), N("Arabo|Araboo", "عربو"),
        N("Hakim|Hakeem", "حكيم"), N("Sesi|Sessi", "سيسي"), N("Sitto|Sito", "ستو"), N("Abbo|Abbou", "عبو"), N("Bahoda|Bahuda", "بهودا"),
        N("Antoon|Antoun|Anton", "انطون"), N("Dabish|Dabeesh", "دبيش"), N("Shaya|Shaaya", "شعيا"), N("Yono|Youno", "يونو"),
        N("Atisha|Attisha", "عطيشا"), N("Konja|Kanja", "كنجا"), N("Mansour|Mansoor|Mansur", "منصور"), N("Oram|Orahm", "اورام"),
        N("Toma|Tooma|Touma", "توما"), N("Sulaka|Sulaqa", "سولاقا"), N("Rabban|Raban", "ربان"), N("Essa|Isa|Issa", "عيسى"),
        N("Asmaro|Asmar", "اسمرو"), N("Jajou|Jaju", "ججو"), N("Mikha|Mikhail|Mikhael", "ميخا"), N("Sarafa|Saraffa", "صرافة"),
        N("Karmo|Karmou", "كرمو"), N("Denha|Dinha", "دنحا"), N("Gorges|Gorgees|Georgis", "كوركيس"),
    ];

    public static readonly Name[] ArabFamily =
    [
        N("Al-Jaburi|Aljabouri|Al Jabouri|Jaburi", "الجبوري"), N("Al-Rubaie|Al Rubaie|Alrubaie|Rubaie", "الربيعي"),
        N("Al-Tamimi|Altamimi|Al Tamimi|Tamimi", "التميمي"), N("Al-Obaidi|Al-Ubaidi|Alobaidi|Obaidi", "العبيدي"),
        N("Al-Saadi|Alsaadi|Al Saadi|Saadi", "الساعدي"), N("Al-Dulaimi|Aldulaimi|Al Dulaimy|Dulaimi", "الدليمي"),
        N("Al-Shammari|Alshammari|Al Shamari|Shammari", "الشمري"), N("Al-Janabi|Aljanabi|Al Janabi|Janabi", "الجنابي"),
        N("Al-Zubaidi|Alzubaidi|Al Zubaidy|Zubaidi", "الزبيدي"), N("Al-Khafaji|Alkhafaji|Al Khafaji|Khafaji", "الخفاجي"),
        N("Al-Hashimi|Alhashimi|Al Hashemi|Hashimi", "الهاشمي"), N("Al-Bayati|Albayati|Al Bayati|Bayati", "البياتي"),
        N("Al-Musawi|Almusawi|Al Moussawi|Musawi", "الموسوي"), N("Al-Kubaisi|Alkubaisi|Al Kubaysi|Kubaisi", "الكبيسي"),
    ];

    public static readonly string[] Offences =
    [
        "Possession of a controlled substance", "Delivery of marijuana", "Receiving and concealing stolen property", "Retail fraud",
        "Assault and battery", "Operating while intoxicated", "Carrying a concealed weapon", "Larceny", "Uttering and publishing",
        "Food stamp fraud",
    ];

    public static readonly string[] Relationships = ["wife", "husband", "brother", "sister", "daughter", "son", "mother", "cousin"];
}
