// The code lists of the CIN Census that the reader checks. Codes and
// meanings are the enumerations and their xs:documentation in the DfE CIN
// Census XML schema 2022 (CIN_schema_2022.xsd, as published with
// SocialFinanceDigitalLabs/liia-tools, liiatools/spec/cin_census/), in the
// schema's order, white space collapsed; tests/cpp/import/cin_census_test.cpp
// compares them with the schema when ../shared is present.
#include <oversight/import/cin_census.hpp>

namespace oversight {

const std::vector<CinCode>& cin_census_codes(CinCodeList list) {
    switch (list) {
        case CinCodeList::referral_source: {  // referralsourcetype
            static const std::vector<CinCode> codes = {
                {"1A", "INDIVIDUAL – family member, relative or carer"},
                {"1B", "INDIVIDUAL – acquaintance (including neighbours and child minders)"},
                {"1C", "INDIVIDUAL – self"},
                {"1D", "INDIVIDUAL – other (including strangers)"},
                {"2A", "SCHOOLS"},
                {"2B", "EDUCATION SERVICES"},
                {"3A", "HEALTH SERVICES – general practitioner (GP)"},
                {"3B", "HEALTH SERVICES – health visitor"},
                {"3C", "HEALTH SERVICES – school nurse"},
                {"3D", "HEALTH SERVICES – other primary health services"},
                {"3E", "HEALTH SERVICES – A&E (accident and emergency department)"},
                {"3F", "HEALTH SERVICES – other (for example hospice)"},
                {"4", "HOUSING - local authority housing or housing association"},
                {"5A", "LA SERVICES – social care for example adults social care services"},
                {"5B", "LA SERVICES – other internal (department other than social care in local authorities, for example, youth offending (excluding housing))"},
                {"5C", "LA SERVICES – external, for example, from another local authority’s adults social care services"},
                {"6", "POLICE"},
                {"7", "OTHER LEGAL AGENCY – including courts, probation, immigration, CAFCASS (Children and Family Court Advisory and Support Service) or prison"},
                {"8", "OTHER – including children’s centres, independent agency providers or voluntary organisations"},
                {"9", "ANONYMOUS"},
                {"10", "UNKNOWN"},
            };
            return codes;
        }
        case CinCodeList::primary_need: {  // primaryneedcodetype
            static const std::vector<CinCode> codes = {
                {"N1", "Abuse or neglect"},
                {"N2", "Child's disability"},
                {"N3", "Parental disability or illness"},
                {"N4", "Family in acute stress"},
                {"N5", "Family dysfunction"},
                {"N6", "Socially unacceptable behaviour"},
                {"N7", "Low income"},
                {"N8", "Absent parenting"},
                {"N9", "Cases other than children in need"},
                {"N0", "Not stated"},
            };
            return codes;
        }
        case CinCodeList::reason_for_closure: {  // reasonforclosuretype
            static const std::vector<CinCode> codes = {
                {"RC1", "Adopted"},
                {"RC2", "Died"},
                {"RC3", "Child arrangements order"},
                {"RC4", "Special guardianship order"},
                {"RC5", "Transferred to services of another local authority"},
                {"RC6", "Transferred to adult social care services"},
                {"RC7", "Services ceased for any other reason, including child no longer in need"},
                {"RC8", "Case closed after assessment, no further action"},
            };
            return codes;
        }
        case CinCodeList::category_of_abuse: {  // categoryofabuse
            static const std::vector<CinCode> codes = {
                {"NEG", "Neglect"},
                {"PHY", "Physical abuse"},
                {"SAB", "Sexual abuse"},
                {"EMO", "Emotional abuse"},
                {"MUL", "Multiple/not recommended"},
            };
            return codes;
        }
        case CinCodeList::assessment_factor: {  // assessmentfactorstype
            static const std::vector<CinCode> codes = {
                {"1A", "Alcohol misuse: concerns about alcohol misuse by the child"},
                {"1B", "Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)"},
                {"1C", "Alcohol misuse: concerns about alcohol misuse by another person living in the household"},
                {"2A", "Drug misuse: concerns about drug misuse by the child"},
                {"2B", "Drug misuse: concerns about drug misuse by the parent(s)/carer(s)"},
                {"2C", "Drug misuse: concerns about drug misuse by another person living in the household"},
                {"3A", "Domestic violence: concerns about the child being the subject of domestic violence"},
                {"3B", "Domestic violence: concerns about the child’s parent(s)/carer(s) being the subject of domestic violence"},
                {"3C", "Domestic violence: concerns about another person living in the household being the subject of domestic violence"},
                {"4A", "Mental health: concerns about the mental health of the child"},
                {"4B", "Mental health: concerns about the mental health of the parent(s)/carer(s)"},
                {"4C", "Mental health: concerns about the mental health of another person in the family/household"},
                {"5A", "Learning disability: concerns about the child’s learning disability"},
                {"5B", "Learning disability: concerns about the parent(s)/carer(s) learning disability"},
                {"5C", "Learning disability: concerns about another person in the family/household’s learning disability"},
                {"6A", "Physical disability or illness: concerns about a physical disability or illness of the child"},
                {"6B", "Physical disability or illness: concerns about a physical disability or illness of the parent(s)/carer(s)"},
                {"6C", "Physical disability or illness: concerns about a physical disability or illness of another person in the family/household"},
                {"7A", "Young carer: concerns that services may be required or the child’s health or development may be impaired due to their caring responsibilities"},
                {"8B", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - overseas children who intend to return"},
                {"8C", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - overseas children who intend to stay"},
                {"8D", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - UK children in educational placements"},
                {"8E", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - UK children making alternative family arrangements"},
                {"8F", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - other"},
                {"9A", "UASC: concerns that services may be required or the child may be at risk of harm as an unaccompanied asylum-seeking child"},
                {"10A", "Missing: concerns that services may be required or the child may be at risk of harm due to going/being missing"},
                {"11A", "Child sexual exploitation: concerns that services may be required or the child may be at risk of harm due to child sexual exploitation"},
                {"12A", "Trafficking: concerns that services may be required or the child may be at risk of harm due to trafficking"},
                {"13A", "Gangs: concerns that services may be required or the child may be at risk of harm because of involvement in/with gangs"},
                {"14A", "Socially unacceptable behaviour: concerns that services may be required or the child may be at risk due to their socially unacceptable behaviour"},
                {"15A", "Self-harm: concerns that services may be required or due to suspected/actual self-harming child may be at risk of harm"},
                {"16A", "Abuse or neglect – ‘NEGLECT’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect"},
                {"17A", "Abuse or neglect – ‘EMOTIONAL ABUSE’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect"},
                {"18B", "Abuse or neglect – ‘PHYSICAL ABUSE’ (child on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"},
                {"18C", "Abuse or neglect – ‘PHYSICAL ABUSE’ (adult on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"},
                {"19B", "Abuse or neglect – ‘SEXUAL ABUSE’ (child on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"},
                {"19C", "Abuse or neglect – ‘SEXUAL ABUSE’ (adult on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"},
                {"20", "Other"},
                {"21", "No factors identified - only use this if there is no evidence of any of the factors above and no further action is being taken"},
                {"22A", "Female genital mutilation (FGM) - concerns that services may be required or the child may be at risk due to female genital mutilation"},
                {"23A", "Abuse linked to faith or belief - concerns that services may be required or the child may be at risk due to abuse linked to faith or belief"},
                {"24A", "Child criminal exploitation: concerns that services may be required or the child may be at risk of harm due to child criminal exploitation"},
            };
            return codes;
        }
    }
    static const std::vector<CinCode> none;
    return none;
}

}  // namespace oversight
