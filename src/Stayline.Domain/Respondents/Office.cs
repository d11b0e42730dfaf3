namespace Stayline.Domain.Respondents;

/// <summary>The offices a habeas petition for an immigration detainee may name as respondents.</summary>
public enum Office
{
    /// <summary>The warden or facility administrator: the immediate custodian (Rumsfeld v. Padilla, 542 U.S. 426, 434-35 (2004)).</summary>
    Warden,

    /// <summary>The ICE field office director of the facility's area of responsibility.</summary>
    FieldOfficeDirector,

    /// <summary>The Secretary of Homeland Security.</summary>
    HomelandSecuritySecretary,

    /// <summary>The Attorney General of the United States.</summary>
    AttorneyGeneral,
}
