; Shared build numbers of the project.
!define VISTA_SP2 6002
!define WIN7_SP1 7601
