package org.peersupport.kernel;

/** Structure or setting of a school, as profiles in seed 000 describe it (federation, rural, ...). */
public enum SchoolType { MAINTAINED, ACADEMY, FEDERATION, RURAL, URBAN, CHURCH, SPECIAL, MULTI_ACADEMY_TRUST }
