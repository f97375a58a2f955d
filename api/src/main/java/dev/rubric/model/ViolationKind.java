package dev.rubric.model;

/** What kind of violation or incident a department answers for (违纪违规及责任事件). */
public enum ViolationKind {
    /** 违反《云南省公务员八条禁令》. */
    EIGHT_PROHIBITIONS("违反《云南省公务员八条禁令》"),
    /** 受党纪政纪处分. */
    PARTY_DISCIPLINE("党纪政纪处分"),
    /** 庸懒散、衙门作风被通报. */
    LAZINESS("庸懒散及衙门作风"),
    /** 重大责任事故. */
    MAJOR_ACCIDENT("重大责任事故"),
    /** 群体性事件. */
    MASS_INCIDENT("群体性事件"),
    /** 考核材料弄虚作假. */
    FALSIFIED_MATERIAL("考核材料弄虚作假");

    private final String label;

    ViolationKind(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
