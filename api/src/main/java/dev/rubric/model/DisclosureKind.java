package dev.rubric.model;

/** What an item of open administration (办事公开) makes public. */
public enum DisclosureKind {
    /** 部门职责. */
    DUTIES("部门职责"),
    /** 办事程序. */
    PROCEDURES("办事程序"),
    /** 办事标准: the conditions, materials and fees of each matter. */
    STANDARDS("办事标准"),
    /** 办事结果. */
    RESULTS("办事结果"),
    /** 挂牌上岗. */
    BADGES_ON_DUTY("挂牌上岗"),
    /** 服务承诺. */
    SERVICE_COMMITMENT("服务承诺");

    private final String label;

    DisclosureKind(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
