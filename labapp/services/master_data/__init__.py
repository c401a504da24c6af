"""Master data of the laboratory: departments, locations, providers, procedures, customers and
people.  One module per kind of record, one unit of work per use case, every change audited by
the unit of work and checked against the version the caller read.

This is what other features may use; the modules' other names are private to the package."""

from __future__ import annotations

from labapp.services.master_data._customers import (
    create_customer,
    list_customers,
    set_instrument_owner,
    update_customer,
)
from labapp.services.master_data._departments import (
    create_department,
    list_departments,
    update_department,
)
from labapp.services.master_data._dto import (
    CustomerInput,
    CustomerRecord,
    DepartmentInput,
    DepartmentRecord,
    LocationInfo,
    LocationInput,
    LocationRecord,
    PersonInput,
    PersonRecord,
    ProcedureInput,
    ProcedureRecord,
    ProviderInput,
    ProviderRecord,
    QualificationInput,
    QualificationRecord,
    ScopeInput,
    ScopeRecord,
)
from labapp.services.master_data._locations import create_location, list_locations, update_location
from labapp.services.master_data._lookups import (
    list_persons,
    location_choices,
    person_for_login,
    procedure_choices,
    provider_choices,
    signer,
)
from labapp.services.master_data._people import (
    LOGIN_PATTERN,
    create_person,
    delete_person,
    get_person,
    list_people,
    person_has_signed,
    set_person_active,
    update_person,
)
from labapp.services.master_data._procedures import (
    create_procedure,
    ensure_procedure_usable,
    list_procedures,
    update_procedure,
    withdraw_procedure,
)
from labapp.services.master_data._providers import create_provider, list_providers, update_provider

__all__ = [
    "LOGIN_PATTERN",
    "CustomerInput",
    "CustomerRecord",
    "DepartmentInput",
    "DepartmentRecord",
    "LocationInfo",
    "LocationInput",
    "LocationRecord",
    "PersonInput",
    "PersonRecord",
    "ProcedureInput",
    "ProcedureRecord",
    "ProviderInput",
    "ProviderRecord",
    "QualificationInput",
    "QualificationRecord",
    "ScopeInput",
    "ScopeRecord",
    "create_customer",
    "create_department",
    "create_location",
    "create_person",
    "create_procedure",
    "create_provider",
    "delete_person",
    "ensure_procedure_usable",
    "get_person",
    "list_customers",
    "list_departments",
    "list_locations",
    "list_people",
    "list_persons",
    "list_procedures",
    "list_providers",
    "location_choices",
    "person_for_login",
    "person_has_signed",
    "procedure_choices",
    "provider_choices",
    "set_instrument_owner",
    "set_person_active",
    "signer",
    "update_customer",
    "update_department",
    "update_location",
    "update_person",
    "update_procedure",
    "update_provider",
    "withdraw_procedure",
]
